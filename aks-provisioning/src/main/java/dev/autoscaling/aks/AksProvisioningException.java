package dev.autoscaling.aks;

import org.jspecify.annotations.Nullable;

/**
 * An Azure call of {@link AksManager} failed. Carries what ARM said (HTTP status, error code and message) and
 * which operation it was; never a token, kubeconfig or request body.
 */
public class AksProvisioningException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int httpStatus;
  private final @Nullable String errorCode;

  public AksProvisioningException(String operation, int httpStatus, @Nullable String errorCode, String message,
      @Nullable Throwable cause) {
    super(operation + ": " + (httpStatus > 0 ? "HTTP " + httpStatus + ", " : "")
        + (errorCode == null ? "" : errorCode + ": ") + message, cause);
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** What was being done, e.g. {@code create cluster WorkshopRG/workshopcluster}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status of ARM's answer, 0 when the failure was reported by a long-running operation's status. */
  public int httpStatus() {
    return httpStatus;
  }

  /** ARM's error code, e.g. {@code Conflict} or {@code QuotaExceeded}; null when ARM sent none. */
  public @Nullable String errorCode() {
    return errorCode;
  }
}
