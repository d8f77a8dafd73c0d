package dev.cairn.store.registry;

/**
 * A promotion to Production broke the model's promotion rule and was not forced; nothing was written. The
 * message names the metric, both values and the versions.
 */
public final class PromotionRefusedException extends RegistryRefusedException {
    private static final long serialVersionUID = 1L;

    public PromotionRefusedException(String message) {
        super(message);
    }
}
