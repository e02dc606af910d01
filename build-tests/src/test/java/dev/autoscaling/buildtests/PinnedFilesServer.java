package dev.autoscaling.buildtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upstream repositories' raw files, as far as the download-crds profile asks for them, served over loopback
 * HTTP from the pinned copies in ../shared: the same paths (owner/repository/tag/path), the same bytes. Files can
 * be tampered with (one extra line), to see the build refuse them.
 */
final class PinnedFilesServer implements AutoCloseable {

  private final Path crds;
  private final Path scalersSchema;
  private final HttpServer server;
  private final Set<String> tampered = ConcurrentHashMap.newKeySet();
  private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<Pattern, String> layout = Map.of(
      Pattern.compile("/kedacore/keda/[^/]+/config/crd/bases/([^/]+)"), "keda/",
      Pattern.compile("/Azure/karpenter-provider-azure/[^/]+/pkg/apis/crds/([^/]+)"), "karpenter-azure/",
      Pattern.compile("/aws/karpenter-provider-aws/[^/]+/pkg/apis/crds/([^/]+)"), "karpenter-aws/");

  PinnedFilesServer(Path crds, Path scalersSchema) throws IOException {
    this.crds = crds;
    this.scalersSchema = scalersSchema;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** From now on, the file under ../shared/crds at this path is served with a line added. */
  PinnedFilesServer tamper(String crdPath) {
    tampered.add(crdPath);
    return this;
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private Path resolve(String path) {
    if (path.matches("/kedacore/keda/[^/]+/schema/generated/scalers-schema\\.yaml")) {
      return scalersSchema;
    }
    for (Map.Entry<Pattern, String> entry : layout.entrySet()) {
      Matcher matcher = entry.getKey().matcher(path);
      if (matcher.matches()) {
        return crds.resolve(entry.getValue() + matcher.group(1));
      }
    }
    return null;
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    Path file = resolve(path);
    try (exchange) {
      if (file == null || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      if (tampered.contains(crds.relativize(file).toString())) {
        body = (new String(body, StandardCharsets.UTF_8) + "# one line more\n").getBytes(StandardCharsets.UTF_8);
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
