package dev.fulmar.helper.control;

import dev.fulmar.control.message.SecretText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from log text before anyone sees it: the secrets the helper currently holds
 * (passwords and keys handed over in requests and prompt answers, tracked while in use) are
 * replaced wherever they appear, and text that looks like a secret assignment ({@code
 * password=...}, {@code psk: ...}) or a PEM private key is masked. Thread-safe.
 */
public final class Redactor {
  /** What replaces a secret. */
  public static final String MASK = "[redacted]";
  private static final int MAX_TRACKED = 64;
  private static final int MIN_TRACKED_LENGTH = 3;
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?i)\\b(password|passwd|passphrase|pwd|secret|psk|pre-shared key|private key|token|pin)"
          + "(\"?\\s*[=:]\\s*\"?|\\s+is\\s+)([^\\s\",;]+)");
  private static final Pattern PEM_KEY = Pattern.compile(
      "-----BEGIN ([A-Z ]*)PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)",
      Pattern.DOTALL);

  private final List<char[]> tracked = new ArrayList<>();

  /** Masks every tracked secret and every secret-looking part of {@code text}. */
  public String redact(String text) {
    String out = text;
    synchronized (tracked) {
      for (char[] s : tracked) {
        out = replaceAll(out, s);
      }
    }
    out = PEM_KEY.matcher(out).replaceAll(MASK);
    Matcher m = ASSIGNMENT.matcher(out);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + MASK));
  }

  /** Tracks a copy of {@code secret} until {@link #forgetAll()} (the oldest goes past 64). */
  public void track(SecretText secret) {
    if (secret == null || secret.isWiped() || secret.length() < MIN_TRACKED_LENGTH) {
      return;
    }
    char[] copy = secret.chars();
    synchronized (tracked) {
      tracked.add(copy);
      tracked.sort((a, b) -> b.length - a.length); // longest first: a secret may contain another
      while (tracked.size() > MAX_TRACKED) {
        Arrays.fill(tracked.remove(tracked.size() - 1), '\0');
      }
    }
  }

  /** Wipes and forgets every tracked secret (the tunnel is down; they are gone elsewhere too). */
  public void forgetAll() {
    synchronized (tracked) {
      tracked.forEach(c -> Arrays.fill(c, '\0'));
      tracked.clear();
    }
  }

  /** How many secrets are tracked (for tests). */
  int trackedCount() {
    synchronized (tracked) {
      return tracked.size();
    }
  }

  private static String replaceAll(String text, char[] secret) {
    StringBuilder b = null;
    int from = 0;
    for (int i = indexOf(text, secret, 0); i >= 0; i = indexOf(text, secret, from)) {
      if (b == null) {
        b = new StringBuilder(text.length());
      }
      b.append(text, from, i).append(MASK);
      from = i + secret.length;
    }
    return b == null ? text : b.append(text, from, text.length()).toString();
  }

  private static int indexOf(String text, char[] s, int from) {
    outer:
    for (int i = from; i <= text.length() - s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (text.charAt(i + j) != s[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
