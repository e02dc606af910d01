package dev.autoscaling.samples.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every {@code workshop} command, in one place so that {@code --help}, the README and the code
 * cannot drift apart (ExitCodesDocumentedTest compares them).
 */
enum ExitCode {
  OK(0, "success: the command did what it says; for validate, every object is valid (warnings do not fail)"),
  FAILED(1, "the work failed: a step did not apply or verify, or validate found an invalid object"),
  USAGE(2, "usage error (one line and a hint), or a file that cannot be read or written, named with the reason"),
  INTERNAL(3, "internal error: a bug in this SDK, please report it (--verbose shows the stack trace)"),
  UNAVAILABLE(4, "the Kubernetes API or the RabbitMQ management API does not answer");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  int code() {
    return code;
  }

  String meaning() {
    return meaning;
  }

  /** The list {@code --help} shows under "Exit codes:". */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : values()) {
      list.put(String.valueOf(exit.code), exit.meaning);
    }
    return list;
  }
}
