package dev.autoscaling.workshop.monitor;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.autoscaling.workshop.RabbitMqCredentials;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The loopback RabbitMQ that {@code bash .ci/rabbitmq start} runs, with the AKS store demo's user. Tests that need
 * it skip when it is not there, unless {@code -Drabbitmq.required=true} (as CI sets), which makes them fail.
 */
final class LocalRabbitMq {

  static final String HOST = "127.0.0.1";
  static final int AMQP_PORT = 5672;
  static final int MANAGEMENT_PORT = 15672;
  static final URI MANAGEMENT_API = URI.create("http://" + HOST + ":" + MANAGEMENT_PORT);
  static final RabbitMqCredentials CREDENTIALS = RabbitMqCredentials.workshopDefaults();
  /** The demo user's password, which only AMQP needs here; tests check that no output ever contains it. */
  static final String PASSWORD = "password";
  static final String REQUIRED_PROPERTY = "rabbitmq.required";

  private LocalRabbitMq() {
  }

  /** Skips the calling test (or fails it, when required) unless both ports answer. */
  static void requireOrSkip() {
    List<String> silent = new ArrayList<>();
    for (int port : new int[] {AMQP_PORT, MANAGEMENT_PORT}) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 1000);
      } catch (IOException e) {
        silent.add(HOST + ":" + port);
      }
    }
    if (silent.isEmpty()) {
      return;
    }
    String reason = "no RabbitMQ answers on " + String.join(" and ", silent)
        + " (start one with `bash .ci/rabbitmq start`)";
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      fail(reason + "; " + REQUIRED_PROPERTY + "=true, so this is a failure, not a skip");
    }
    Assumptions.abort(reason + "; set -D" + REQUIRED_PROPERTY + "=true to make this a failure");
  }

  static Connection connect() throws IOException, TimeoutException {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(HOST);
    factory.setPort(AMQP_PORT);
    factory.setUsername(CREDENTIALS.username());
    factory.setPassword(PASSWORD);
    factory.setVirtualHost("/");
    return factory.newConnection("autoscaling-sdk-tests");
  }
}
