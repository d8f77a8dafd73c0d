package dev.cairn.app.serve;

/**
 * An error answered to an MLflow client as {@code {"error_code": ..., "message": ...}} with MLflow's HTTP status
 * for that code.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** MLflow's error codes (databricks.proto) used by the server, with their HTTP statuses. */
    public enum Code {
        INVALID_PARAMETER_VALUE(400), RESOURCE_ALREADY_EXISTS(400), BAD_REQUEST(400), INVALID_STATE(500),
        RESOURCE_DOES_NOT_EXIST(404), ENDPOINT_NOT_FOUND(404), UNAUTHENTICATED(401), PERMISSION_DENIED(403),
        REQUEST_LIMIT_EXCEEDED(429), INTERNAL_ERROR(500),
        /** The store cannot be reached for now (MLflow's answer when its database fails); clients retry 503. */
        TEMPORARILY_UNAVAILABLE(503);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Code code;
    private final int status;

    public ApiException(Code code, String message) {
        this(code, code.status(), message);
    }

    /** An error with an HTTP status of its own (405, 413) besides MLflow's code. */
    public ApiException(Code code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public Code code() {
        return code;
    }

    public int status() {
        return status;
    }

    public static ApiException invalid(String message) {
        return new ApiException(Code.INVALID_PARAMETER_VALUE, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Code.RESOURCE_DOES_NOT_EXIST, message);
    }

    public static ApiException exists(String message) {
        return new ApiException(Code.RESOURCE_ALREADY_EXISTS, message);
    }
}
