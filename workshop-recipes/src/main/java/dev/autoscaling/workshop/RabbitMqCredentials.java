package dev.autoscaling.workshop;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The RabbitMQ user KEDA's scaler signs in with. The password never leaves this object except inside
 * {@link #managementUrl(String)}, which is meant for a Secret; {@code toString} redacts it.
 */
public final class RabbitMqCredentials {

  private final String username;
  private final String password;

  private RabbitMqCredentials(String username, String password) {
    this.username = username;
    this.password = password;
  }

  /**
   * @throws IllegalArgumentException when either part is missing or empty
   */
  public static RabbitMqCredentials of(String username, String password) {
    if (username == null || username.isEmpty()) {
      throw new IllegalArgumentException("rabbitmq username: must not be empty");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("rabbitmq password: must not be empty");
    }
    return new RabbitMqCredentials(username, password);
  }

  /** The AKS Store demo's own RabbitMQ user, which the workshop uses. */
  public static RabbitMqCredentials workshopDefaults() {
    return new RabbitMqCredentials("username", "password");
  }

  /** The same password for another user name. */
  public RabbitMqCredentials withUsername(String otherUsername) {
    return of(otherUsername, password);
  }

  public String username() {
    return username;
  }

  /**
   * The management API URL with the credentials in its user-info part, the form KEDA's rabbitmq scaler reads from
   * {@code host}: {@code http://user:password@host:port}. Characters outside the URL's unreserved set are
   * percent-encoded, so a password with {@code @} or {@code :} still parses.
   */
  public String managementUrl(String hostAndPort) {
    return "http://" + encode(username) + ":" + encode(password) + "@" + hostAndPort;
  }

  /**
   * The value of an HTTP {@code Authorization} header for the management API: {@code Basic base64(user:password)}.
   * <b>Secret:</b> base64 is an encoding, not encryption, so this value is the password in clear to anyone who reads
   * it. Put it in a request header and nowhere else: never in a log, an exception message or a URL.
   */
  public String basicAuthorizationHeader() {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String part) {
    StringBuilder out = new StringBuilder();
    for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RabbitMqCredentials other && username.equals(other.username)
        && password.equals(other.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, password);
  }

  @Override
  public String toString() {
    return "RabbitMqCredentials[username=" + username + ", password=***]";
  }
}
