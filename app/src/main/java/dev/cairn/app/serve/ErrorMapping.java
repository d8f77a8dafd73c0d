package dev.cairn.app.serve;

import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreReadOnlyException;
import dev.cairn.store.model.StoreUnavailableException;
import dev.cairn.store.query.FilterSyntaxException;
import dev.cairn.store.registry.RegistryConflictException;
import dev.cairn.store.registry.RegistryRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what a handler throws onto MLflow's error codes: store "not found" is RESOURCE_DOES_NOT_EXIST (404), bad
 * values, filters, page tokens and refused registry changes are INVALID_PARAMETER_VALUE (400), a read-only store is
 * PERMISSION_DENIED, a store that cannot be reached (its PostgreSQL server restarting or down) TEMPORARILY_UNAVAILABLE
 * (503, as MLflow's server answers a database failure; MLflow's client retries 503 with backoff; one WARN line, no
 * stack trace), anything unexpected INTERNAL_ERROR (500, logged with its stack trace).
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static ApiException map(RuntimeException e, String what) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof NotFoundException) {
            return ApiException.notFound(e.getMessage());
        }
        if (e instanceof FilterSyntaxException || e instanceof IllegalArgumentException
                || e instanceof RegistryRefusedException || e instanceof RegistryConflictException) {
            return ApiException.invalid(e.getMessage());
        }
        if (e instanceof StoreReadOnlyException) {
            return new ApiException(ApiException.Code.PERMISSION_DENIED, e.getMessage());
        }
        if (e instanceof StoreUnavailableException) {
            LOG.warn("{}: store unavailable: {}", what, e.getMessage());
            return new ApiException(ApiException.Code.TEMPORARILY_UNAVAILABLE, e.getMessage());
        }
        if (e instanceof dev.cairn.store.model.StoreFullException) {
            LOG.warn("{}: {}", what, e.getMessage());
            return new ApiException(ApiException.Code.INTERNAL_ERROR, 507, e.getMessage());
        }
        if (e instanceof StoreException) {
            LOG.warn("{}: {}", what, e.getMessage(), e);
            return new ApiException(ApiException.Code.INTERNAL_ERROR, e.getMessage());
        }
        LOG.error("{} failed", what, e);
        return new ApiException(ApiException.Code.INTERNAL_ERROR, "Internal error: " + e);
    }
}
