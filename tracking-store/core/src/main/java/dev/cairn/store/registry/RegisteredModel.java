package dev.cairn.store.registry;

import java.util.Map;

/**
 * A registered model: a unique name grouping numbered versions.
 *
 * @param rule the promotion rule, or null when promotions are not checked
 */
public record RegisteredModel(long id, String name, String description, Map<String, String> tags, long createdMs,
                              long updatedMs, PromotionRule rule) {
}
