package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.control.message.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A helper {@link Failure} in the user's language: the reason and the fix from the bundle when
 * it knows the code (filled from the failure's details), the helper's English text otherwise, and
 * the facts for the "details" fold, including both names of a certificate name mismatch and the
 * chain and SHA-256 fingerprint of an untrusted certificate.
 */
public final class FailureTexts {
  /** Details shown first, in this order; the rest follow alphabetically. */
  private static final List<String> ORDER = List.of("notify", "exchange", "names", "expected",
      "subject", "issuer", "fingerprint", "chain");
  private static final List<String> MONO = List.of("notify", "fingerprint", "chain");

  /** One line of the details fold. */
  public record Detail(String label, String value, boolean monospace) {}

  private final Messages m;

  public FailureTexts(Messages m) {
    this.m = m;
  }

  /** The reason in the user's language. */
  public String reason(Failure f) {
    return text(f, "reason", f.message());
  }

  /** What to do about it, in the user's language. */
  public String fix(Failure f) {
    return text(f, "fix", f.fix());
  }

  private String text(Failure f, String part, String english) {
    String key = "failure." + f.code() + "." + part;
    Map<String, String> values = values(f);
    return m.canFill(key, values) ? m.fill(key, values) : english;
  }

  private static Map<String, String> values(Failure f) {
    Map<String, String> v = new LinkedHashMap<>(f.details());
    v.putIfAbsent("gateway", v.getOrDefault("expected", null));
    v.values().removeIf(x -> x == null);
    return v;
  }

  /** The failed step in words ("signing in"), or its raw name when unknown. */
  public String step(String step) {
    String key = "step." + step;
    return m.has(key) ? m.get(key) : step;
  }

  /** The facts for the details fold, most useful first. */
  public List<Detail> details(Failure f) {
    List<Detail> out = new ArrayList<>();
    out.add(new Detail(m.get("failure.detail.step"), step(f.step()) + " (" + f.step() + ")", false));
    out.add(new Detail(m.get("failure.detail.code"), f.code(), true));
    Map<String, String> rest = new TreeMap<>(f.details());
    for (String k : ORDER) {
      String v = rest.remove(k);
      if (v != null && !v.isBlank()) {
        String shown = k.equals("fingerprint") ? fingerprint(v) : v;
        out.add(new Detail(m.get("failure.detail." + k), shown, MONO.contains(k)));
      }
    }
    rest.forEach((k, v) -> out.add(new Detail(k, v, false)));
    boolean translated = !m.locale().getLanguage().equals("en");
    if (translated && !f.message().isBlank() && !f.message().equals(reason(f))) {
      out.add(new Detail(m.get("failure.detail.helperText"), f.message(), false));
    }
    return out;
  }

  /** The failure as text for the clipboard (to paste into a support request). */
  public String copyText(String headline, Failure f) {
    StringBuilder s = new StringBuilder(headline).append('\n').append(reason(f)).append('\n');
    s.append(m.get("failure.whatToDo")).append(": ").append(fix(f)).append('\n');
    for (Detail d : details(f)) {
      s.append(d.label()).append(": ").append(d.value()).append('\n');
    }
    return s.toString();
  }

  /**
   * A SHA-256 fingerprint as colon-separated upper-case byte pairs in two lines of 16, the way
   * certificate viewers show it; other text stays as it is.
   */
  static String fingerprint(String v) {
    String hex = v.replaceAll("[:\\s]", "").replaceFirst("(?i)^sha-?256[=:]?", "");
    if (!hex.matches("(?i)[0-9a-f]{64}")) {
      return v;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 64; i += 2) {
      if (i > 0) {
        s.append(i == 32 ? "\n" : ":");
      }
      s.append(hex, i, i + 2);
    }
    return s.toString().toUpperCase(Locale.ROOT);
  }
}
