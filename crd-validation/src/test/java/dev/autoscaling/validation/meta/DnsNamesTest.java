package dev.autoscaling.validation.meta;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DnsNames} matches exactly what apimachinery's regular expressions match: compared on every string of up to
 * six characters over an alphabet with one character of each class the formats tell apart.
 */
class DnsNamesTest {

  private static final char[] ALPHABET = {'a', 'Z', '7', '-', '.', '_', '/', 'é'};

  @Test
  void shouldMatchExactlyWhatTheRegularExpressionsMatch() {
    List<String> strings = strings(6);
    assertThat(strings).hasSize(299_593);
    assertSame(ObjectMetadata.LABEL_FORMAT, DnsNames::isLabel, strings);
    assertSame(ObjectMetadata.SUBDOMAIN_FORMAT, DnsNames::isSubdomain, strings);
    assertSame(ObjectMetadata.KEY_NAME_FORMAT, DnsNames::isKeyName, strings);
    assertSame(ObjectMetadata.LABEL_VALUE_FORMAT, DnsNames::isLabelValue, strings);
  }

  private static void assertSame(String format, Predicate<String> scanner, List<String> strings) {
    Pattern pattern = Pattern.compile(format);
    int matched = 0;
    for (String value : strings) {
      boolean expected = pattern.matcher(value).matches();
      assertThat(scanner.test(value)).as("%s on '%s'", format, value).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    // neither side may be trivially all or nothing
    assertThat(matched).as(format).isGreaterThan(100).isLessThan(strings.size() - 100);
  }

  private static List<String> strings(int maxLength) {
    List<String> all = new ArrayList<>();
    all.add("");
    int from = 0;
    for (int length = 1; length <= maxLength; length++) {
      int to = all.size();
      for (int i = from; i < to; i++) {
        for (char c : ALPHABET) {
          all.add(all.get(i) + c);
        }
      }
      from = to;
    }
    return all;
  }
}
