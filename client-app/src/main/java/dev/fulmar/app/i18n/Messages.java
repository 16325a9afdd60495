package dev.fulmar.app.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's user-visible text in one language. Every label, message and accessible name comes
 * from the {@code messages} bundle (English in the base file, German in {@code messages_de}).
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}, … for {@link #get(String, Object...)} and
 * {@code {name}} for {@link #fill(String, Map)} (the helper's failure details). No {@link
 * java.text.MessageFormat} is involved, so apostrophes need no escaping in the bundles.
 */
public final class Messages {
  /** The languages the app ships, as language tags; "" means "as the system". */
  public static final List<String> LANGUAGES = List.of("en", "de");
  private static final String BUNDLE = "dev.fulmar.app.i18n.messages";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  /**
   * The text for {@code locale}; a language the app does not ship falls back to English (never to
   * the JVM's default locale, which may differ from the language the user picked).
   */
  public static Messages forLocale(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Messages(b, b.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : b.getLocale());
  }

  /**
   * The text for a language setting: a tag from {@link #LANGUAGES}, or blank for the system's
   * language ({@code systemLocale}).
   */
  public static Messages forSetting(String languageTag, Locale systemLocale) {
    if (languageTag == null || languageTag.isBlank()) {
      return forLocale(systemLocale);
    }
    return forLocale(Locale.forLanguageTag(languageTag));
  }

  /** The locale the text is in (English for the base bundle). */
  public Locale locale() {
    return locale;
  }

  /** Whether the bundle has {@code key}. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The text for {@code key} with {@code {0}}, {@code {1}}, … replaced by {@code args}. */
  public String get(String key, Object... args) {
    String text = raw(key);
    if (args.length == 0) {
      return text;
    }
    return replace(text, name -> {
      if (name.chars().allMatch(Character::isDigit)) {
        int i = Integer.parseInt(name);
        return i < args.length ? String.valueOf(args[i]) : null;
      }
      return null;
    });
  }

  /** The text for {@code key} with each {@code {name}} replaced by {@code values.get(name)}. */
  public String fill(String key, Map<String, String> values) {
    return replace(raw(key), values::get);
  }

  /** Whether every {@code {name}} in the text for {@code key} has a value in {@code values}. */
  public boolean canFill(String key, Map<String, String> values) {
    if (!has(key)) {
      return false;
    }
    Matcher m = PLACEHOLDER.matcher(raw(key));
    while (m.find()) {
      if (values.get(m.group(1)) == null) {
        return false;
      }
    }
    return true;
  }

  private String raw(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      // a missing text must be visible in the UI and in tests, never crash it
      return "\u2039" + key + "\u203a";
    }
  }

  private static String replace(String text, java.util.function.Function<String, String> lookup) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = lookup.apply(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(out);
    return out.toString();
  }
}
