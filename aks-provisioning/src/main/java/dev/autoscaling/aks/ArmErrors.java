package dev.autoscaling.aks;

import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonToken;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * ARM's failures as {@link AksProvisioningException}s: the operation, the HTTP status, ARM's error code and message,
 * and nothing else. The Azure SDK's own exception message quotes the whole response body, which is why it is neither
 * the message nor the cause.
 */
final class ArmErrors {

  private ArmErrors() {
  }

  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (ManagementException e) {
      throw failure(operation, e);
    }
  }

  static AksProvisioningException failure(String operation, ManagementException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    ManagementError error = e.getValue();
    String code = error == null ? null : error.getCode();
    String message = error == null || error.getMessage() == null ? "no error message" : error.getMessage();
    return new AksProvisioningException(operation, status, code, message, null);
  }

  /** A long-running operation that ended FAILED or cancelled: the error of its last operation-status body. */
  static AksProvisioningException operationFailure(String operation, LongRunningOperationStatus status,
      Object value) {
    if (value instanceof PollResult<?> result && result.getError() != null) {
      PollResult.Error error = result.getError();
      ManagementError armError = armError(error.getResponseBody());
      if (armError != null && armError.getCode() != null) {
        return new AksProvisioningException(operation, 0, armError.getCode(), armError.getMessage(), null);
      }
      return new AksProvisioningException(operation, 0, null, error.getMessage(), null);
    }
    return new AksProvisioningException(operation, 0, null, "the operation ended " + status, null);
  }

  /** The {@code error} object of an ARM operation-status or error body. */
  static ManagementError armError(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = JsonProviders.createReader(body)) {
      if (reader.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (reader.nextToken() != JsonToken.END_OBJECT) {
        String field = reader.getFieldName();
        reader.nextToken();
        if ("error".equals(field)) {
          return ManagementError.fromJson(reader);
        }
        reader.skipChildren();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
