package dev.autoscaling.samples.cli;

import dev.autoscaling.validation.Violation;
import dev.autoscaling.workshop.validation.CheckedDocument;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code -o junit}: a JUnit XML report as CI servers read test results (kubeconform writes the same shape): a test
 * suite per input, a test case per object; an invalid object is a failure, a kind no CRD describes is skipped, an
 * input that could not be read is an error. Written at the end, as the suites' counts come first.
 */
final class JunitValidationOutput implements ValidationOutput {

  private record Case(String name, String failure, String skipped, String warnings) {
  }

  private final Map<String, List<Case>> suites = new LinkedHashMap<>();
  private final Map<String, String> unreadable = new LinkedHashMap<>();

  @Override
  public void checked(CheckedDocument document) {
    String name = document.number() + (document.item().isEmpty() ? "" : " " + document.item())
        + (document.parsed() ? " " + document.result().describe() : "");
    List<Violation> violations = document.result().report().violations();
    String errors = lines(violations.stream().filter(Violation::isError).toList());
    String warnings = lines(violations.stream().filter(v -> !v.isError()).toList());
    String skipped = !document.hasErrors() && !document.result().checked() ? document.checkedAgainst() : null;
    suites.computeIfAbsent(document.source(), source -> new ArrayList<>())
        .add(new Case(name, errors.isEmpty() ? null : errors, skipped, warnings.isEmpty() ? null : warnings));
  }

  private static String lines(List<Violation> violations) {
    return violations.stream().map(v -> (v.path().isEmpty() ? "" : v.path() + ": ") + v.message())
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void unreadable(String source, String reason) {
    unreadable.put(source, reason);
  }

  @Override
  public void finish(PrintWriter out, int objects, int errors, int warnings, int unreadableInputs) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "workshop validate");
      long failures = suites.values().stream().flatMap(List::stream).filter(c -> c.failure != null).count();
      xml.writeAttribute("tests", String.valueOf(objects + unreadable.size()));
      xml.writeAttribute("failures", String.valueOf(failures));
      xml.writeAttribute("errors", String.valueOf(unreadable.size()));
      for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
        List<Case> cases = suite.getValue();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", xmlSafe(suite.getKey()));
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> c.failure != null).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> c.skipped != null).count()));
        for (Case testCase : cases) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", xmlSafe(suite.getKey()));
          xml.writeAttribute("name", xmlSafe(testCase.name));
          if (testCase.failure != null) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", xmlSafe(testCase.failure.lines().findFirst().orElse("")));
            xml.writeAttribute("type", "invalid");
            xml.writeCharacters(xmlSafe(testCase.failure));
            xml.writeEndElement();
          }
          if (testCase.skipped != null) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", xmlSafe(testCase.skipped));
          }
          if (testCase.warnings != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlSafe("warning: " + testCase.warnings.replace("\n", "\nwarning: ")));
            xml.writeEndElement();
          }
          xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      for (Map.Entry<String, String> input : unreadable.entrySet()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", xmlSafe(input.getKey()));
        xml.writeAttribute("tests", "1");
        xml.writeAttribute("failures", "0");
        xml.writeAttribute("errors", "1");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", xmlSafe(input.getKey()));
        xml.writeAttribute("name", "read");
        xml.writeEmptyElement("error");
        xml.writeAttribute("message", xmlSafe(input.getValue()));
        xml.writeAttribute("type", "unreadable");
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing the JUnit report", e);
    }
    out.println(text);
  }

  /** XML 1.0 cannot carry most control characters, escaped or not: they become U+FFFD. */
  private static String xmlSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints().forEach(c -> safe.appendCodePoint(
        c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
            || c >= 0x10000 ? c : 0xFFFD));
    return safe.toString();
  }
}
