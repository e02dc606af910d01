package dev.autoscaling.validation.schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The string {@code format}s the API server checks, with the forms it accepts. Formats of numbers
 * ({@code int32}, {@code int64}, {@code double}) only describe the Go type and are not checked, as on a cluster.
 */
final class Formats {

  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");
  private static final Pattern DURATION = Pattern.compile(
      "^(-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|ms|s|m|h))+$|^0$");
  private static final Pattern IPV4 = Pattern.compile(
      "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");
  private static final Pattern HOSTNAME = Pattern.compile(
      "^([a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)(\\.([a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?))*$");

  private Formats() {
  }

  /** @return what the value must look like when it does not match the format, else null */
  static String check(String format, String value) {
    switch (format) {
      case "date-time":
        try {
          OffsetDateTime.parse(value);
          return null;
        } catch (DateTimeParseException e) {
          return "an RFC 3339 date-time such as 2026-11-28T10:15:00Z";
        }
      case "date":
        try {
          LocalDate.parse(value);
          return null;
        } catch (DateTimeParseException e) {
          return "a date such as 2026-11-28";
        }
      case "byte":
        try {
          Base64.getDecoder().decode(value);
          return null;
        } catch (IllegalArgumentException e) {
          return "base64-encoded bytes";
        }
      case "uuid":
        return UUID.matcher(value).matches() ? null : "a UUID such as 123e4567-e89b-12d3-a456-426614174000";
      case "duration":
        return DURATION.matcher(value).matches() ? null : "a duration such as 30s, 5m or 1h30m";
      case "ipv4":
        return IPV4.matcher(value).matches() ? null : "an IPv4 address such as 10.0.0.1";
      case "hostname":
        return value.length() <= 255 && HOSTNAME.matcher(value).matches() ? null : "an RFC 1123 host name";
      default:
        // Formats the API server does not know, or does not check on strings, are ignored there too.
        return null;
    }
  }
}
