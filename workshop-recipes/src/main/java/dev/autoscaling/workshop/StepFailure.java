package dev.autoscaling.workshop;

import dev.autoscaling.workshop.retry.KubernetesRetries;
import dev.autoscaling.workshop.step.WorkshopContext;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line a run reports for a step that threw: what failed and what to do, without fabric8's dump of the
 * Status object or a stack trace. A Kubernetes API that keeps failing or went away is said as such: the next run
 * resumes at the step.
 */
final class StepFailure {

  // fabric8: "Failure executing: PATCH at: https://host/apis/apps/v1/namespaces/pets/deployments/x?fieldManager=..."
  private static final Pattern REQUEST = Pattern.compile("(?:Failure|Error) executing: (\\w+) at: (\\S+?)[.]?(?:\\s|$)");
  // fabric8, when the request never got an answer: "Operation: [patch]  for kind: [Deployment]  with name: [x]  in
  // namespace: [pets]  failed."
  private static final Pattern OPERATION = Pattern.compile(
      "Operation: \\[(\\w+)]\\s+for kind: \\[(\\w+)]\\s+with name: \\[([^\\]]*)]\\s+in namespace: \\[([^\\]]*)]");

  private StepFailure() {
  }

  static String describe(RuntimeException e, String step, WorkshopContext context) {
    String retried = context.retries().map(StepFailure::retried).orElse("");
    String resume = "; when it answers again, workshop run resumes at " + step;
    if (e instanceof KubernetesClientException failure) {
      int code = failure.getCode();
      if (code == 429 || code >= 500) {
        String message = failure.getStatus() == null || failure.getStatus().getMessage() == null ? ""
            : " (" + failure.getStatus().getMessage() + ")";
        return "the Kubernetes API answered " + code + message + " to " + request(failure) + retried + resume;
      }
      Throwable io = ioCause(failure);
      if (io != null) {
        String url = context.kubernetes().map(k -> k.getMasterUrl().toString()).orElse("the cluster");
        return "the Kubernetes API at " + url + " stopped answering (" + io.getClass().getSimpleName()
            + (io.getMessage() == null ? "" : ": " + io.getMessage()) + ") during " + request(failure) + retried
            + resume;
      }
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return oneLine(message);
  }

  private static String retried(KubernetesRetries retries) {
    return retries.limit() == 0 ? ""
        : ", also after " + retries.limit() + (retries.limit() == 1 ? " retry" : " retries") + " with backoff";
  }

  /** {@code PATCH /apis/apps/v1/namespaces/pets/deployments/order-service}: what was asked, the query left out. */
  private static String request(KubernetesClientException e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    Matcher operation = OPERATION.matcher(text);
    if (operation.find()) {
      return operation.group(1) + " of " + operation.group(2).toLowerCase(Locale.ROOT)
          + (operation.group(3).isEmpty() || "null".equals(operation.group(3)) ? "s" : "/" + operation.group(3))
          + (operation.group(4).isEmpty() || "null".equals(operation.group(4)) ? "" : " -n " + operation.group(4));
    }
    Matcher request = REQUEST.matcher(text);
    if (!request.find()) {
      return "a request";
    }
    String url = request.group(2);
    int query = url.indexOf('?');
    String withoutQuery = query < 0 ? url : url.substring(0, query);
    int path = withoutQuery.indexOf('/', withoutQuery.indexOf("//") + 2);
    return request.group(1) + " " + (path < 0 ? withoutQuery : withoutQuery.substring(path));
  }

  /** The I/O failure that says most: a refused or timed-out connection, else the innermost one with a message. */
  private static Throwable ioCause(Throwable e) {
    Throwable found = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return cause;
      }
      if (cause instanceof IOException && (found == null || cause.getMessage() != null)) {
        found = cause;
      }
    }
    return found;
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
