package dev.autoscaling.aks;

import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpResponseLogger;
import com.azure.core.http.policy.HttpResponseLoggingContext;
import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.logging.LogLevel;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * azure-core's HTTP response logging, minus secrets: at BODY level the default logger would print the body of
 * {@code listClusterUserCredential}, which is a base64 kubeconfig (base64 is not encryption). This logger prints
 * status, method, path, duration, a few harmless headers, and bodies of every response except credential listings.
 */
final class RedactingResponseLogger implements HttpResponseLogger {

  // Headers that carry no secret and help follow an ARM long-running operation.
  private static final Set<HttpHeaderName> SHOWN = Set.of(HttpHeaderName.fromString("x-ms-request-id"),
      HttpHeaderName.fromString("x-ms-correlation-request-id"), HttpHeaderName.RETRY_AFTER,
      HttpHeaderName.fromString("Azure-AsyncOperation"), HttpHeaderName.LOCATION, HttpHeaderName.CONTENT_TYPE);
  private static final int MAX_BODY = 16 * 1024;

  private final HttpLogDetailLevel level;

  RedactingResponseLogger(HttpLogDetailLevel level) {
    this.level = level;
  }

  /** A copy of the caller's options whose response logger never prints a kubeconfig. */
  static HttpLogOptions options(HttpLogOptions options) {
    return new HttpLogOptions()
        .setLogLevel(options.getLogLevel())
        .setAllowedHttpHeaderNames(options.getAllowedHttpHeaderNames())
        .setAllowedQueryParamNames(options.getAllowedQueryParamNames())
        .setRequestLogger(options.getRequestLogger())
        .setResponseLogger(new RedactingResponseLogger(options.getLogLevel()));
  }

  /** Credential listings of AKS (user, admin, monitoring user) answer with kubeconfigs. */
  static boolean holdsSecrets(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.contains("/listcluster") && p.endsWith("credential");
  }

  @Override
  public Mono<HttpResponse> logResponse(ClientLogger logger, HttpResponseLoggingContext context) {
    return Mono.fromCallable(() -> logResponseSync(logger, context));
  }

  @Override
  public HttpResponse logResponseSync(ClientLogger logger, HttpResponseLoggingContext context) {
    LogLevel logLevel = getLogLevel(context);
    HttpResponse response = context.getHttpResponse();
    if (!logger.canLogAtLevel(logLevel)) {
      return response;
    }
    String path = response.getRequest().getUrl().getPath();
    StringBuilder line = new StringBuilder("<-- ").append(response.getStatusCode()).append(' ')
        .append(response.getRequest().getHttpMethod()).append(' ').append(path)
        .append(" (").append(context.getResponseDuration().toMillis()).append(" ms)");
    if (level.shouldLogHeaders()) {
      for (HttpHeader header : response.getHeaders()) {
        if (SHOWN.contains(HttpHeaderName.fromString(header.getName()))) {
          line.append("; ").append(header.getName()).append(": ").append(header.getValue());
        }
      }
    }
    HttpResponse result = response;
    if (level.shouldLogBody()) {
      if (holdsSecrets(path)) {
        line.append("; (body not logged: it holds a kubeconfig)");
      } else {
        result = response.buffer();
        String body = result.getBodyAsBinaryData() == null ? "" : result.getBodyAsBinaryData().toString();
        line.append("; body: ").append(body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "..." : body);
      }
    }
    String message = line.toString();
    logger.log(logLevel, () -> message);
    return result;
  }
}
