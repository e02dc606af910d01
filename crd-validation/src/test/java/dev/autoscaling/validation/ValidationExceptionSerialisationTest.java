package dev.autoscaling.validation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationExceptionSerialisationTest {

  @Test
  void shouldKeepEveryViolationThroughSerialisation() throws IOException, ClassNotFoundException {
    // Given: an exception as a remote call or a cache would pass it on
    List<Violation> violations = List.of(Violation.error("spec.weight", "maximum", "must be at most 100"),
        new Violation("spec.limits", "ignored by Karpenter", "x-kubernetes", "FieldValueInvalid", Severity.WARNING));
    ValidationException thrown = new ValidationException("NodePool a", violations);

    // When
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(thrown);
    }
    ValidationException read;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (ValidationException) in.readObject();
    }

    // Then
    assertThat(read.violations()).isEqualTo(violations);
    assertThat(read.getMessage()).isEqualTo(thrown.getMessage());
  }
}
