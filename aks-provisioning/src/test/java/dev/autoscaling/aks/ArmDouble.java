package dev.autoscaling.aks;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Resource Manager on loopback HTTPS, as much of it as AksManager calls: Microsoft.Features, provider
 * registration, resource groups, managed clusters, credentials and agent pools, with ARM's long-running-operation
 * protocol (201/200/202 with Azure-AsyncOperation and Location, InProgress then Succeeded or Failed) and scripted
 * faults (429 with Retry-After, 409). HTTPS because the SDK's bearer-token policy refuses plain HTTP; the
 * certificate is made by keytool at test time and trusted only by {@link #httpClient()}. Every request is recorded.
 */
public final class ArmDouble implements AutoCloseable {

  static final String SUBSCRIPTION = "5b0c7a4e-0000-4000-8000-00000000d0b1";
  private static final String STORE_PASSWORD = "arm-double";
  private static final Pattern FEATURE = Pattern.compile(
      "/subscriptions/[^/]+/providers/microsoft\\.features/providers/([^/]+)/features/([^/]+)(/register)?");
  private static final Pattern PROVIDER = Pattern.compile("/subscriptions/[^/]+/providers/([^/]+)(/register)?");
  private static final Pattern GROUP = Pattern.compile("/subscriptions/[^/]+/resourcegroups/([^/]+)");
  private static final Pattern CLUSTER = Pattern.compile(
      "/subscriptions/[^/]+/resourcegroups/([^/]+)/providers/microsoft\\.containerservice/managedclusters/([^/]+)"
          + "(/listclusterusercredential|/agentpools(/[^/]+)?)?");
  private static final Pattern OPERATION = Pattern.compile(
      "/subscriptions/[^/]+/providers/microsoft\\.containerservice/locations/[^/]+/operations/([^/]+)");
  private static final Pattern OPERATION_RESULT = Pattern.compile("/operationresults/([^/]+)");

  /** One request as received: method, path (as sent), query, headers (lower-case names), body, arrival time. */
  public record Request(String method, String path, String query, Map<String, String> headers, String body, long nanos) {

    String line() {
      return method + " " + path;
    }

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A scripted answer to the next request matching method and path (a regular expression on the lower-case path). */
  private record Fault(String method, Pattern path, int status, String code, String message, String retryAfter) {
  }

  /** A long-running operation: InProgress for a few polls, then Succeeded or Failed. */
  private final class Operation {
    int polls;
    final int inProgressPolls;
    final String failCode;
    final String failMessage;
    final Runnable onSuccess;
    final Runnable onFailure;
    boolean ended;

    Operation(int inProgressPolls, String failCode, String failMessage, Runnable onSuccess, Runnable onFailure) {
      this.inProgressPolls = inProgressPolls;
      this.failCode = failCode;
      this.failMessage = failMessage;
      this.onSuccess = onSuccess;
      this.onFailure = onFailure;
    }

    /** Advances one poll; returns InProgress, Succeeded or Failed. */
    synchronized String poll() {
      if (!ended && ++polls <= inProgressPolls) {
        return "InProgress";
      }
      if (!ended) {
        ended = true;
        (failCode == null ? onSuccess : onFailure).run();
      }
      return failCode == null ? "Succeeded" : "Failed";
    }
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final SSLContext clientSsl;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> groups = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> clusters = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> pools = new ConcurrentHashMap<>();

  private volatile String featureState = "NotRegistered";
  private volatile int featurePollsWhileRegistering = 2;
  private volatile String providerState = "Registered";
  private volatile int providerPollsWhileRegistering = 1;
  private volatile int inProgressPolls = 1;
  private volatile String nextClusterFailureCode;
  private volatile String nextClusterFailureMessage;
  private volatile String kubeconfig = "";

  private static KeyStore keyStore;

  /** One self-signed certificate per test JVM: keytool takes a while to start. */
  private static synchronized KeyStore keyStore() throws Exception {
    if (keyStore != null) {
      return keyStore;
    }
    Path dir = Files.createTempDirectory("arm-double");
    Path keyStoreFile = dir.resolve("arm.p12");
    // keytool is the one JDK tool that writes a self-signed certificate without internal APIs.
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "arm", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStoreFile.toString(),
        "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore loaded = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStoreFile)) {
      loaded.load(in, STORE_PASSWORD.toCharArray());
    }
    Files.delete(keyStoreFile);
    Files.delete(dir);
    keyStore = loaded;
    return loaded;
  }

  public ArmDouble() throws Exception {
    KeyStore keyStore = keyStore();
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, STORE_PASSWORD.toCharArray());
    SSLContext serverSsl = SSLContext.getInstance("TLS");
    serverSsl.init(keys.getKeyManagers(), null, null);

    Certificate certificate = keyStore.getCertificate("arm");
    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    trustStore.setCertificateEntry("arm", certificate);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);
    clientSsl = SSLContext.getInstance("TLS");
    clientSsl.init(null, trust.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverSsl));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** An Azure environment whose Resource Manager is this double. */
  /** Provisioner settings for this double: its trusting HTTP client, and polls every 10 ms instead of 30 s. */
  public AksManager.Configurable configure() {
    return AksManager.configure().withHttpClient(httpClient()).withPollInterval(Duration.ofMillis(10));
  }

  public AzureProfile profile() {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", url());
    return new AzureProfile("00000000-0000-0000-0000-0000000000aa", SUBSCRIPTION, new AzureEnvironment(endpoints));
  }

  /** The JDK HTTP client, trusting this double's certificate only. */
  public HttpClient httpClient() {
    return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
        .sslContext(clientSsl)
        .version(java.net.http.HttpClient.Version.HTTP_1_1)).build();
  }

  // --- scripting ------------------------------------------------------------------------------------------------

  ArmDouble featureState(String state) {
    featureState = state;
    return this;
  }

  ArmDouble providerState(String state) {
    providerState = state;
    return this;
  }

  /** How many operation-status polls answer InProgress before the end. */
  ArmDouble inProgressPolls(int polls) {
    inProgressPolls = polls;
    return this;
  }

  public ArmDouble kubeconfig(String kubeconfig) {
    this.kubeconfig = kubeconfig;
    return this;
  }

  /** The next cluster PUT's operation ends Failed with this error, leaving the cluster in state Failed. */
  ArmDouble failNextClusterOperation(String code, String message) {
    nextClusterFailureCode = code;
    nextClusterFailureMessage = message;
    return this;
  }

  /** The next request matching answers 429 with {@code Retry-After: seconds}. */
  ArmDouble throttleNext(String method, String pathRegex, int seconds) {
    faults.add(new Fault(method, Pattern.compile(pathRegex), 429, "TooManyRequests",
        "The request is being throttled.", Integer.toString(seconds)));
    return this;
  }

  /** The next request matching answers 409 with this ARM error. */
  ArmDouble conflictNext(String method, String pathRegex, String code, String message) {
    faults.add(new Fault(method, Pattern.compile(pathRegex), 409, code, message, null));
    return this;
  }

  ArmDouble existingGroup(String name, String location, Map<String, String> tags) {
    ObjectNode group = mapper.createObjectNode();
    group.put("location", location);
    group.set("tags", mapper.valueToTree(tags));
    groups.put(name.toLowerCase(Locale.ROOT), resourceGroup(name, group));
    return this;
  }

  /** A cluster as ARM would hold it after the given body was accepted, in the given provisioning state. */
  ArmDouble existingCluster(String group, String name, String body, String provisioningState) throws IOException {
    ObjectNode cluster = (ObjectNode) mapper.readTree(body);
    storeCluster(group, name, cluster, provisioningState);
    return this;
  }

  /** Puts a User pool before the system pool, so that "the first pool" is the wrong answer. */
  ArmDouble userPoolFirst(String group, String cluster, String pool) {
    ObjectNode properties = mapper.createObjectNode().put("mode", "User").put("count", 1)
        .put("provisioningState", "Succeeded");
    pools.get(key(group, cluster)).add(0, agentPool(group, cluster, pool, properties));
    return this;
  }

  String clusterProvisioningState(String group, String name) {
    ObjectNode cluster = clusters.get(key(group, name));
    return cluster == null ? null : cluster.path("properties").path("provisioningState").asText();
  }

  public boolean hasGroup(String name) {
    return groups.containsKey(name.toLowerCase(Locale.ROOT));
  }

  public boolean hasCluster(String group, String name) {
    return clusters.containsKey(key(group, name));
  }

  // --- recorded requests ----------------------------------------------------------------------------------------

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests whose method matches and whose lower-case path matches the regular expression. */
  List<Request> requests(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return requests.stream()
        .filter(r -> r.method().equals(method) && pattern.matcher(r.path().toLowerCase(Locale.ROOT)).matches())
        .toList();
  }

  void clearRequests() {
    requests.clear();
  }

  // --- the double -----------------------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath().replaceAll("/{2,}", "/");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
          String.join(",", values)));
      requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(), headers, body,
          System.nanoTime()));
      String lower = path.toLowerCase(Locale.ROOT);
      for (Fault fault : faults) {
        if (fault.method().equals(method) && fault.path().matcher(lower).matches() && faults.remove(fault)) {
          Map<String, String> extra = fault.retryAfter() == null ? Map.of() : Map.of("Retry-After", fault.retryAfter());
          error(exchange, fault.status(), fault.code(), fault.message(), extra);
          return;
        }
      }
      route(exchange, method, path, lower, body);
    } catch (RuntimeException e) {
      error(exchange, 500, "DoubleFailure", e.toString(), Map.of());
    }
  }

  private void route(HttpExchange exchange, String method, String path, String lower, String body)
      throws IOException {
    Matcher m;
    if ((m = FEATURE.matcher(lower)).matches()) {
      feature(exchange, method, path, m.group(3) != null);
    } else if ((m = OPERATION.matcher(lower)).matches()) {
      operationStatus(exchange, m.group(1));
    } else if ((m = OPERATION_RESULT.matcher(lower)).matches()) {
      operationResult(exchange, m.group(1));
    } else if ((m = PROVIDER.matcher(lower)).matches()) {
      provider(exchange, method, path, m.group(2) != null);
    } else if ((m = CLUSTER.matcher(lower)).matches()) {
      String[] segments = path.split("/");
      String group = segments[4];
      String cluster = segments[8];
      if (m.group(3) == null) {
        cluster(exchange, method, path, group, cluster, body);
      } else if (m.group(3).equals("/listclusterusercredential")) {
        credentials(exchange, method, group, cluster);
      } else if (m.group(4) == null) {
        poolList(exchange, method, group, cluster);
      } else {
        pool(exchange, method, path, group, cluster, segments[10], body);
      }
    } else if ((m = GROUP.matcher(lower)).matches()) {
      group(exchange, method, path.split("/")[4], body);
    } else {
      error(exchange, 404, "NoRoute", "the ARM double has no route for " + method + " " + path, Map.of());
    }
  }

  private void feature(HttpExchange exchange, String method, String path, boolean register) throws IOException {
    synchronized (this) {
      if (register && method.equals("POST")) {
        if (!featureState.equals("Registered")) {
          featureState = "Registering";
        }
      } else if (featureState.equals("Registering") && --featurePollsWhileRegistering <= 0) {
        featureState = "Registered";
      }
    }
    ObjectNode feature = mapper.createObjectNode()
        .put("id", path.replace("/register", ""))
        .put("name", "Microsoft.ContainerService/NodeAutoProvisioningPreview")
        .put("type", "Microsoft.Features/providers/features");
    feature.putObject("properties").put("state", featureState);
    json(exchange, 200, feature, Map.of());
  }

  private void provider(HttpExchange exchange, String method, String path, boolean register) throws IOException {
    synchronized (this) {
      if (register && method.equals("POST")) {
        providerState = "Registering";
        providerPollsWhileRegistering = 1;
      } else if (providerState.equals("Registering") && --providerPollsWhileRegistering <= 0) {
        providerState = "Registered";
      }
    }
    json(exchange, 200, mapper.createObjectNode().put("id", path.replace("/register", ""))
        .put("namespace", "Microsoft.ContainerService").put("registrationState", providerState), Map.of());
  }

  private void group(HttpExchange exchange, String method, String name, String body) throws IOException {
    String key = name.toLowerCase(Locale.ROOT);
    ObjectNode group = groups.get(key);
    switch (method) {
      case "HEAD" -> empty(exchange, group == null ? 404 : 204, Map.of());
      case "GET" -> {
        if (group == null) {
          error(exchange, 404, "ResourceGroupNotFound", "Resource group '" + name + "' could not be found.",
              Map.of());
        } else {
          json(exchange, 200, group, Map.of());
        }
      }
      case "PUT" -> {
        ObjectNode created = resourceGroup(name, (ObjectNode) mapper.readTree(body));
        groups.put(key, created);
        json(exchange, group == null ? 201 : 200, created, Map.of());
      }
      case "DELETE" -> {
        if (group == null) {
          error(exchange, 404, "ResourceGroupNotFound", "Resource group '" + name + "' could not be found.",
              Map.of());
          return;
        }
        String id = operation(() -> {
          groups.remove(key);
          clusters.keySet().removeIf(k -> k.startsWith(key + "/"));
          pools.keySet().removeIf(k -> k.startsWith(key + "/"));
        }, () -> { }, null, null);
        empty(exchange, 202, Map.of("Location", url() + "operationresults/" + id));
      }
      default -> error(exchange, 405, "MethodNotAllowed", method, Map.of());
    }
  }

  private ObjectNode resourceGroup(String name, ObjectNode body) {
    ObjectNode group = mapper.createObjectNode()
        .put("id", "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + name)
        .put("name", name)
        .put("type", "Microsoft.Resources/resourceGroups")
        .put("location", body.path("location").asText());
    if (body.has("tags")) {
      group.set("tags", body.get("tags"));
    }
    group.putObject("properties").put("provisioningState", "Succeeded");
    return group;
  }

  private void cluster(HttpExchange exchange, String method, String path, String group, String name, String body)
      throws IOException {
    String key = key(group, name);
    ObjectNode cluster = clusters.get(key);
    switch (method) {
      case "GET" -> {
        if (cluster == null) {
          error(exchange, 404, "ResourceNotFound", "The Resource 'Microsoft.ContainerService/managedClusters/"
              + name + "' under resource group '" + group + "' was not found.", Map.of());
        } else {
          json(exchange, 200, cluster, Map.of());
        }
      }
      case "PUT" -> {
        if (!groups.containsKey(group.toLowerCase(Locale.ROOT))) {
          error(exchange, 404, "ResourceGroupNotFound", "Resource group '" + group + "' could not be found.",
              Map.of());
          return;
        }
        ObjectNode stored = storeCluster(group, name, (ObjectNode) mapper.readTree(body),
            cluster == null ? "Creating" : "Updating");
        String failCode = nextClusterFailureCode;
        String failMessage = nextClusterFailureMessage;
        nextClusterFailureCode = null;
        nextClusterFailureMessage = null;
        String id = operation(() -> setState(stored, "Succeeded"), () -> setState(stored, "Failed"), failCode,
            failMessage);
        json(exchange, cluster == null ? 201 : 200, stored, asyncHeaders(id, stored.path("location").asText()));
      }
      case "DELETE" -> {
        if (cluster == null) {
          empty(exchange, 204, Map.of());
          return;
        }
        setState(cluster, "Deleting");
        String id = operation(() -> {
          clusters.remove(key);
          pools.remove(key);
        }, () -> { }, null, null);
        empty(exchange, 202, asyncHeaders(id, cluster.path("location").asText()));
      }
      default -> error(exchange, 405, "MethodNotAllowed", method, Map.of());
    }
  }

  private ObjectNode storeCluster(String group, String name, ObjectNode body, String provisioningState) {
    String key = key(group, name);
    String path = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + group
        + "/providers/Microsoft.ContainerService/managedClusters/" + name;
    body.put("id", path).put("name", name).put("type", "Microsoft.ContainerService/ManagedClusters");
    ObjectNode properties = body.withObjectProperty("properties");
    properties.put("provisioningState", provisioningState);
    properties.put("fqdn", name + "-dns.hcp." + body.path("location").asText() + ".azmk8s.io");
    clusters.put(key, body);
    if (!pools.containsKey(key)) {
      List<ObjectNode> created = new CopyOnWriteArrayList<>();
      for (JsonNode profile : properties.path("agentPoolProfiles")) {
        ObjectNode poolProperties = ((ObjectNode) profile).deepCopy();
        poolProperties.remove("name");
        poolProperties.put("provisioningState", "Succeeded");
        created.add(agentPool(group, name, profile.path("name").asText(), poolProperties));
      }
      pools.put(key, created);
    }
    return body;
  }

  private void setState(ObjectNode resource, String state) {
    resource.withObjectProperty("properties").put("provisioningState", state);
  }

  private void credentials(HttpExchange exchange, String method, String group, String name) throws IOException {
    if (!method.equals("POST") || !clusters.containsKey(key(group, name))) {
      error(exchange, 404, "ResourceNotFound", "no cluster " + group + "/" + name, Map.of());
      return;
    }
    ObjectNode result = mapper.createObjectNode();
    ArrayNode kubeconfigs = result.putArray("kubeconfigs");
    kubeconfigs.addObject().put("name", "clusterUser")
        .put("value", Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)));
    json(exchange, 200, result, Map.of());
  }

  private void poolList(HttpExchange exchange, String method, String group, String cluster) throws IOException {
    List<ObjectNode> list = pools.get(key(group, cluster));
    if (!method.equals("GET") || list == null) {
      error(exchange, 404, "ResourceNotFound", "no cluster " + group + "/" + cluster, Map.of());
      return;
    }
    ObjectNode page = mapper.createObjectNode();
    page.putArray("value").addAll(list);
    json(exchange, 200, page, Map.of());
  }

  private void pool(HttpExchange exchange, String method, String path, String group, String cluster, String name,
      String body) throws IOException {
    List<ObjectNode> list = pools.get(key(group, cluster));
    ObjectNode pool = list == null ? null
        : list.stream().filter(p -> p.path("name").asText().equalsIgnoreCase(name)).findFirst().orElse(null);
    if (method.equals("GET")) {
      if (pool == null) {
        error(exchange, 404, "ResourceNotFound", "no agent pool " + name, Map.of());
      } else {
        json(exchange, 200, pool, Map.of());
      }
    } else if (method.equals("PUT") && list != null) {
      ObjectNode properties = (ObjectNode) mapper.readTree(body).path("properties");
      properties.put("provisioningState", "Updating");
      ObjectNode updated = agentPool(group, cluster, name, properties);
      if (pool == null) {
        list.add(updated);
      } else {
        list.set(list.indexOf(pool), updated);
      }
      String id = operation(() -> setState(updated, "Succeeded"), () -> { }, null, null);
      json(exchange, pool == null ? 201 : 200, updated,
          asyncHeaders(id, clusters.get(key(group, cluster)).path("location").asText()));
    } else {
      error(exchange, 404, "ResourceNotFound", "no cluster " + group + "/" + cluster, Map.of());
    }
  }

  private ObjectNode agentPool(String group, String cluster, String name, ObjectNode properties) {
    ObjectNode pool = mapper.createObjectNode()
        .put("id", "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + group
            + "/providers/Microsoft.ContainerService/managedClusters/" + cluster + "/agentPools/" + name)
        .put("name", name)
        .put("type", "Microsoft.ContainerService/managedClusters/agentPools");
    pool.set("properties", properties);
    return pool;
  }

  private String operation(Runnable onSuccess, Runnable onFailure, String failCode, String failMessage) {
    String id = UUID.randomUUID().toString();
    operations.put(id, new Operation(inProgressPolls, failCode, failMessage, onSuccess, onFailure));
    return id;
  }

  private Map<String, String> asyncHeaders(String id, String location) {
    return Map.of(
        "Azure-AsyncOperation", url() + "subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.ContainerService"
            + "/locations/" + location + "/operations/" + id + "?api-version=" + AksPlan.AKS_API,
        "Location", url() + "operationresults/" + id);
  }

  private void operationStatus(HttpExchange exchange, String id) throws IOException {
    Operation operation = operations.get(id);
    if (operation == null) {
      error(exchange, 404, "OperationNotFound", id, Map.of());
      return;
    }
    String status = operation.poll();
    ObjectNode body = mapper.createObjectNode().put("name", id).put("status", status);
    if (status.equals("Failed")) {
      body.putObject("error").put("code", operation.failCode).put("message", operation.failMessage);
    }
    json(exchange, 200, body, Map.of());
  }

  /** ARM's Location polling: 202 while running, then 200 (a failed one answers with the error). */
  private void operationResult(HttpExchange exchange, String id) throws IOException {
    Operation operation = operations.get(id);
    if (operation == null) {
      error(exchange, 404, "OperationNotFound", id, Map.of());
      return;
    }
    String status = operation.poll();
    switch (status) {
      case "InProgress" -> empty(exchange, 202, Map.of("Location", url() + "operationresults/" + id));
      case "Succeeded" -> empty(exchange, 200, Map.of());
      default -> error(exchange, 400, operation.failCode, operation.failMessage, Map.of());
    }
  }

  private static String key(String group, String cluster) {
    return (group + "/" + cluster).toLowerCase(Locale.ROOT);
  }

  private void error(HttpExchange exchange, int status, String code, String message, Map<String, String> headers)
      throws IOException {
    ObjectNode body = mapper.createObjectNode();
    body.putObject("error").put("code", code).put("message", message);
    json(exchange, status, body, headers);
  }

  private void json(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = mapper.writeValueAsBytes(body);
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().add("x-ms-request-id", UUID.randomUUID().toString());
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private void empty(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("x-ms-request-id", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, -1);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** For failure messages: the request lines in order. */
  List<String> requestLines() {
    List<String> lines = new ArrayList<>();
    requests.forEach(r -> lines.add(r.line()));
    return lines;
  }
}
