package dev.autoscaling.samples.cli;

/** A service the command needs (the Kubernetes API, RabbitMQ) does not answer: its message alone, exit code 4. */
final class Unavailable extends RuntimeException {

  Unavailable(String message) {
    super(message);
  }
}
