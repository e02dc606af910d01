package dev.autoscaling.samples.cli;

/** A mistake in what the user gave (options, files, credentials): reported as its message alone, exit code 2. */
final class UserError extends RuntimeException {

  UserError(String message) {
    super(message);
  }
}
