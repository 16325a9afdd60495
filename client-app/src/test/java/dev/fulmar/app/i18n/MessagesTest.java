package dev.fulmar.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void germanAndEnglishHaveTheSameKeys() throws IOException {
    Properties en = load("messages.properties");
    Properties de = load("messages_de.properties");
    assertThat(new TreeSet<>(de.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
  }

  @Test
  void translationsUseTheSamePlaceholders() throws IOException {
    Properties en = load("messages.properties");
    Properties de = load("messages_de.properties");
    for (String key : en.stringPropertyNames()) {
      assertThat(placeholders(de.getProperty(key))).as(key)
          .isEqualTo(placeholders(en.getProperty(key)));
    }
  }

  @Test
  void anUnshippedLanguageFallsBackToEnglishNotToTheJvmDefault() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMAN);
      Messages m = Messages.forLocale(Locale.forLanguageTag("fi"));
      assertThat(m.locale()).isEqualTo(Locale.ENGLISH);
      assertThat(m.get("action.connect")).isEqualTo("Connect");
      assertThat(Messages.forSetting("en", Locale.GERMAN).get("action.connect"))
          .isEqualTo("Connect");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void blankSettingFollowsTheSystemLanguage() {
    assertThat(Messages.forSetting("", Locale.GERMANY).get("action.connect"))
        .isEqualTo("Verbinden");
  }

  @Test
  void fillsIndexedAndNamedPlaceholders() {
    Messages m = Messages.forLocale(Locale.ENGLISH);
    assertThat(m.get("tray.tooltip.CONNECTED", "Office")).contains("Office");
    Map<String, String> d = Map.of("names", "vpn.example.net", "expected", "203.0.113.5");
    assertThat(m.canFill("failure.GATEWAY_IDENTITY_MISMATCH.reason", d)).isTrue();
    assertThat(m.fill("failure.GATEWAY_IDENTITY_MISMATCH.reason", d))
        .contains("vpn.example.net").contains("203.0.113.5");
    assertThat(m.canFill("failure.GATEWAY_IDENTITY_MISMATCH.reason", Map.of())).isFalse();
  }

  @Test
  void aMissingKeyIsVisibleNotFatal() {
    assertThat(Messages.forLocale(Locale.ENGLISH).get("no.such.key")).contains("no.such.key");
  }

  private static Set<String> placeholders(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\{([A-Za-z0-9]+)}").matcher(s);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
