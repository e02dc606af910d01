package dev.autoscaling.keda.triggers;

import dev.autoscaling.validation.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks KEDA v2.20.2 makes in each scaler's own code after reading its typed configuration, written as a
 * table: per scaler, the key a finding is reported at, where KEDA makes the check, the fix, and the condition KEDA
 * refuses. Only what KEDA certainly refuses is listed; a value KEDA may find where the validator cannot look (the
 * environment, an authentication not seen) counts as given.
 */
public final class ScalerChecks {

  private static final String RULE = "KEDA scalers";
  private static final String RABBITMQ = "pkg/scalers/rabbitmq_scaler.go:";
  private static final Pattern RABBITMQ_SCHEME = Pattern.compile("(?i)(amqps?|https?):.*", Pattern.DOTALL);
  private static final Set<String> RABBITMQ_HTTP_ONLY_MODES = Set.of("MessageRate", "DeliverGetRate",
      "PublishedToDeliveredRatio", "ExpectedQueueConsumptionTime");
  private static final Map<String, List<ScalerCheck>> CHECKS = new LinkedHashMap<>();

  static {
    rabbitmq();
    azureDataExplorer();
    couchdb();
    connectionSettings();
    restTemplates();
    ranges();
  }

  private ScalerChecks() {
  }

  /** The checks of one scaler type, in the order KEDA makes them; empty for a type without any. */
  static List<ScalerCheck> of(String type) {
    return CHECKS.getOrDefault(type, List.of());
  }

  /** The scaler types with checks of their own. */
  public static Set<String> scalers() {
    return CHECKS.keySet();
  }

  /** Every check of the trigger's scaler that KEDA's own code would fail; {@code path} names the metadata map. */
  static void check(String type, Map<String, String> metadata, TriggerAuth auth, String path, List<Violation> out) {
    GivenTrigger trigger = new GivenTrigger(metadata, auth);
    for (ScalerCheck check : of(type)) {
      String problem = check.problem().apply(trigger);
      if (problem != null) {
        out.add(Violation.error(path + "[" + check.key() + "]", RULE, problem + ": " + check.fix()
            + " (KEDA v2.20.2, " + check.source() + ")"));
      }
    }
  }

  private static void add(String scaler, String key, String source, String fix,
      java.util.function.Function<GivenTrigger, String> problem) {
    CHECKS.computeIfAbsent(scaler, s -> new ArrayList<>()).add(new ScalerCheck(scaler, key, source, fix, problem));
  }

  private static void rabbitmq() {
    add("rabbitmq", "host", RABBITMQ + "160", "write the URL with its scheme (amqp://, amqps://, http:// or"
        + " https://), or set protocol to amqp or http", t -> {
          String host = t.value("host");
          return host != null && "auto".equals(protocolSetting(t)) && !RABBITMQ_SCHEME.matcher(host).matches()
              ? "with protocol auto KEDA takes the protocol from the host URL's scheme, and host has none it knows"
              : null;
        });
    add("rabbitmq", "pageSize", RABBITMQ + "152", "use a page size of 1 or more (the default is 100)", t -> {
      Double size = t.number("pageSize");
      return size != null && size < 1 ? "pageSize should be 1 or greater" : null;
    });
    add("rabbitmq", "queueLength", RABBITMQ + "250", "drop queueLength and keep mode and value", t -> {
      Double queueLength = t.number("queueLength");
      Double value = t.number("value");
      boolean mode = t.value("mode") != null && !"Unknown".equals(t.value("mode"));
      return queueLength != null && queueLength != 0 && (mode || (value != null && value != 0))
          ? "queueLength is the deprecated form of mode QueueLength with a value; KEDA refuses it beside mode or"
              + " value" : null;
    });
    add("rabbitmq", "mode", RABBITMQ + "261", "add mode (QueueLength, MessageRate, ...) to say what value"
        + " measures", t -> !usesModeAndValue(t) || t.value("mode") != null ? null
            : "mode must be specified when value is");
    add("rabbitmq", "value", RABBITMQ + "265", "add a value above 0 for the mode", t -> {
      Double value = t.numberOrZero("value");
      return usesModeAndValue(t) && t.value("mode") != null && !"Unknown".equals(t.value("mode"))
          && value != null && value == 0 ? "value must be specified (and not 0) when mode is" : null;
    });
    add("rabbitmq", "useRegex", RABBITMQ + "184", "use an http:// host (or protocol http) to match queues by"
        + " regex", t -> t.isTrue("useRegex") && "amqp".equals(protocol(t))
            ? "useRegex needs the HTTP management API, and this trigger speaks AMQP" : null);
    add("rabbitmq", "excludeUnacknowledged", RABBITMQ + "188", "use an http:// host (or protocol http)",
        t -> t.isTrue("excludeUnacknowledged") && "amqp".equals(protocol(t))
            ? "excludeUnacknowledged needs the HTTP management API, and this trigger speaks AMQP" : null);
    add("rabbitmq", "mode", RABBITMQ + "278", "use an http:// host (or protocol http), or mode QueueLength",
        t -> usesModeAndValue(t) && t.value("mode") != null && RABBITMQ_HTTP_ONLY_MODES.contains(t.value("mode"))
            && "amqp".equals(protocol(t)) ? "this mode is measured through the HTTP management API, and this trigger"
                + " speaks AMQP" : null);
    add("rabbitmq", "timeout", RABBITMQ + "282", "drop timeout, or use an http:// host (or protocol http)", t -> {
      Double value = t.numberOrZero("value");
      return usesModeAndValue(t) && t.value("mode") != null && value != null && value != 0
          && t.value("timeout") != null && !isZeroDuration(t.value("timeout")) && "amqp".equals(protocol(t))
          ? "the AMQP protocol takes no custom timeout" : null;
    });
  }

  /**
   * The protocol setting KEDA reads (metadata first, then the authentication, default auto), or null when it may
   * come from an authentication the validator has not seen.
   */
  private static String protocolSetting(GivenTrigger t) {
    if (t.value("protocol") != null) {
      return t.value("protocol");
    }
    return t.auth().mayGive("protocol") ? null : "auto";
  }

  /** The protocol the rabbitmq scaler ends up with (amqp or http), or null when the validator cannot tell. */
  private static String protocol(GivenTrigger t) {
    String setting = protocolSetting(t);
    if (!"auto".equals(setting)) {
      return setting;
    }
    String host = t.value("host");
    if (host == null || !RABBITMQ_SCHEME.matcher(host).matches()) {
      return null;
    }
    return host.toLowerCase(java.util.Locale.ROOT).startsWith("amqp") ? "amqp" : "http";
  }

  /** KEDA reads mode and value (queueLength absent or 0, and something set): the checks after its early returns. */
  private static boolean usesModeAndValue(GivenTrigger t) {
    Double queueLength = t.numberOrZero("queueLength");
    Double value = t.numberOrZero("value");
    if (queueLength == null || value == null || queueLength != 0) {
      return false;
    }
    boolean mode = t.value("mode") != null && !"Unknown".equals(t.value("mode"));
    return mode || value != 0;
  }

  private static boolean isZeroDuration(String text) {
    return text.replaceAll("[^1-9]", "").isEmpty();
  }

  private static void azureDataExplorer() {
    String source = "pkg/scalers/azure_data_explorer_scaler.go:";
    String noIdentity = " (without a pod identity KEDA signs in as an app registration)";
    add("azure-data-explorer", "tenantId", source + "133", "set tenantId (or tenantIdFromEnv), or use a"
        + " TriggerAuthentication with podIdentity azure-workload", t -> t.auth().certainlyNoPodIdentity()
            && !t.mayHave("tenantId") ? "Required value: tenantId" + noIdentity : null);
    add("azure-data-explorer", "clientId", source + "136", "set clientId (or clientIdFromEnv), or use a"
        + " TriggerAuthentication with podIdentity azure-workload", t -> t.auth().certainlyNoPodIdentity()
            && !t.mayHave("clientId") ? "Required value: clientId" + noIdentity : null);
    add("azure-data-explorer", "clientSecret", source + "139", "give clientSecret through a TriggerAuthentication"
        + " (secretTargetRef), or use podIdentity azure-workload there", t -> t.auth().certainlyNoPodIdentity()
            && !t.auth().mayGive("clientSecret") ? "Required value: clientSecret, which KEDA reads only from a"
                + " TriggerAuthentication" + noIdentity : null);
  }

  /**
   * Whether KEDA may find the value in one of the places its struct tag names: {@code m} the metadata key, {@code a}
   * the authentication, {@code e} the environment ({@code <key>FromEnv}).
   */
  private static boolean may(GivenTrigger t, String key, String places) {
    return places.contains("m") && t.inMetadata(key) || places.contains("e") && t.fromEnv(key)
        || places.contains("a") && t.auth().mayGive(key);
  }

  /**
   * A value the scaler's Validate needs when another one (a connection string, a URL template) is not given;
   * {@code places} as in {@link #may}.
   */
  private static void neededWithout(String scaler, String source, String without, String withoutPlaces,
      String key, String places) {
    String where = (places.contains("m") ? " in metadata" : "") + (places.contains("e") ? ", through " + key
        + "FromEnv" : "") + (places.contains("a") ? ", or through a TriggerAuthentication" : "");
    add(scaler, key, source, "set " + key + where.replaceFirst("^, ", " ") + "; or give " + without, t ->
        !may(t, without, withoutPlaces) && !may(t, key, places)
            ? "Required value: without " + without + " the " + scaler + " scaler needs " + key : null);
  }

  /** The database scalers: a connection string, or the parts KEDA builds one from. */
  private static void connectionSettings() {
    String pg = "pkg/scalers/postgresql_scaler.go:";
    neededWithout("postgresql", pg + "63", "connection", "ae", "host", "am");
    neededWithout("postgresql", pg + "67", "connection", "ae", "port", "am");
    neededWithout("postgresql", pg + "71", "connection", "ae", "userName", "am");
    neededWithout("postgresql", pg + "75", "connection", "ae", "dbName", "am");
    neededWithout("postgresql", pg + "79", "connection", "ae", "sslmode", "am");
    neededWithout("mssql", "pkg/scalers/mssql_scaler.go:51", "connectionString", "ae", "host", "am");
    String mongo = "pkg/scalers/mongo_scaler.go:";
    neededWithout("mongodb", mongo + "59", "connectionString", "ame", "host", "am");
    add("mongodb", "port", mongo + "62", "set port in metadata or through a TriggerAuthentication, use scheme"
        + " mongodb+srv, or give connectionString", t -> !may(t, "connectionString", "ame") && !may(t, "port", "am")
            && !t.auth().mayGive("scheme") && !"mongodb+srv".equals(t.value("scheme"))
            ? "Required value: without connectionString the mongodb scaler needs port (except with scheme"
                + " mongodb+srv)" : null);
    neededWithout("mongodb", mongo + "65", "connectionString", "ame", "username", "am");
    neededWithout("mongodb", mongo + "68", "connectionString", "ame", "password", "ame");
  }

  /** The broker scalers that read their endpoint from a URL template or from separate keys. */
  private static void restTemplates() {
    String activemq = "pkg/scalers/activemq_scaler.go:";
    neededWithout("activemq", activemq + "75", "restAPITemplate", "m", "managementEndpoint", "m");
    neededWithout("activemq", activemq + "78", "restAPITemplate", "m", "destinationName", "m");
    neededWithout("activemq", activemq + "81", "restAPITemplate", "m", "brokerName", "m");
    String artemis = "pkg/scalers/artemis_scaler.go:";
    neededWithout("artemis-queue", artemis + "69", "restApiTemplate", "m", "managementEndpoint", "m");
    neededWithout("artemis-queue", artemis + "72", "restApiTemplate", "m", "queueName", "m");
    neededWithout("artemis-queue", artemis + "75", "restApiTemplate", "m", "brokerName", "m");
    neededWithout("artemis-queue", artemis + "78", "restApiTemplate", "m", "brokerAddress", "m");
  }

  /** Values KEDA's Validate refuses after they parsed as numbers (only where the metadata gives them). */
  private static void ranges() {
    add("cron", "end", "pkg/scalers/cron_scaler.go:48", "give end a different time than start", t ->
        // compared as written: equal text is equal for KEDA whether or not it trims
        t.value("start") != null && t.metadata().get("start").equals(t.metadata().get("end"))
            ? "start and end can not have exactly the same time" : null);
    add("cron", "desiredReplicas", "pkg/scalers/cron_scaler.go:52", "set desiredReplicas to 1 or more", t -> {
      Double replicas = t.number("desiredReplicas");
      return replicas != null && replicas == 0 ? "no desiredReplicas specified (0 counts as none)" : null;
    });
    add("etcd", "watchProgressNotifyInterval", "pkg/scalers/etcd_scaler.go:60", "use an interval of 1 second or"
        + " more (the default is 600)", t -> {
          Double interval = t.number("watchProgressNotifyInterval");
          return interval != null && interval <= 0 ? "watchProgressNotifyInterval must be greater than 0" : null;
        });
    add("nsq", "depthThreshold", "pkg/scalers/nsq_scaler.go:78", "use a depth of 1 or more (the default is 10)",
        t -> {
          Double depth = t.number("depthThreshold");
          return depth != null && depth <= 0 ? "depthThreshold must be a positive integer" : null;
        });
    add("nsq", "activationDepthThreshold", "pkg/scalers/nsq_scaler.go:82", "use 0 or more", t -> {
      Double depth = t.number("activationDepthThreshold");
      return depth != null && depth < 0 ? "activationDepthThreshold must be greater than or equal to 0" : null;
    });
  }

  private static void couchdb() {
    String source = "pkg/scalers/couchdb_scaler.go:";
    String[][] parts = {{"host", "41"}, {"port", "44"}, {"username", "47"}, {"password", "50"}, {"dbName", "53"}};
    for (String[] part : parts) {
      String key = part[0];
      boolean env = key.equals("password");
      add("couchdb", key, source + part[1], "set " + key + (env ? " (through passwordFromEnv or a"
          + " TriggerAuthentication)" : " in metadata or a TriggerAuthentication") + ", or give a connectionString",
          t -> !t.mayHave("connectionString") && !(env ? t.mayHave(key) : t.mayHaveWithoutEnv(key))
              ? "Required value: without a connectionString the couchdb scaler needs " + key : null);
    }
  }
}
