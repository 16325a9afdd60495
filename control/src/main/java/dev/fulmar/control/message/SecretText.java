package dev.fulmar.control.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A password or key in a message, held as characters that {@link #wipe()} zeroes. {@link
 * #toString()} never shows it, so a record holding one can be logged; the codec writes and reads
 * it as a plain JSON string without going through {@link String}.
 */
public final class SecretText implements AutoCloseable {
  private final char[] chars;
  private volatile boolean wiped;

  private SecretText(char[] chars) {
    this.chars = chars;
  }

  /** A secret holding a copy of {@code chars}; the caller may wipe its array. */
  public static SecretText of(char[] chars) {
    return new SecretText(Objects.requireNonNull(chars, "chars").clone());
  }

  /** A copy of the characters; the caller wipes it after use. */
  public char[] chars() {
    if (wiped) {
      throw new IllegalStateException("the secret was wiped");
    }
    return chars.clone();
  }

  /** Calls {@code sink} with the characters themselves, for writers that copy them out. */
  public void writeTo(CharSink sink) throws java.io.IOException {
    if (wiped) {
      throw new IllegalStateException("the secret was wiped");
    }
    sink.write(chars, 0, chars.length);
  }

  /** Receives the characters of a secret. */
  @FunctionalInterface
  public interface CharSink {
    void write(char[] chars, int offset, int length) throws java.io.IOException;
  }

  /** The number of characters. */
  public int length() {
    return chars.length;
  }

  /** Whether the secret is empty. */
  public boolean isEmpty() {
    return chars.length == 0;
  }

  /** Zeroes the characters; later reads throw. Idempotent. */
  public void wipe() {
    Arrays.fill(chars, '\0');
    wiped = true;
  }

  @Override
  public void close() {
    wipe();
  }

  /** Whether {@link #wipe()} was called. */
  public boolean isWiped() {
    return wiped;
  }

  /** Constant-time comparison of the characters. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SecretText other) || wiped || other.wiped) {
      return o == this;
    }
    return MessageDigest.isEqual(utf8(chars), utf8(other.chars));
  }

  @Override
  public int hashCode() {
    return chars.length;
  }

  @Override
  public String toString() {
    return "[redacted]";
  }

  private static byte[] utf8(char[] c) {
    ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(c));
    byte[] out = new byte[b.remaining()];
    b.get(out);
    Arrays.fill(b.array(), (byte) 0);
    return out;
  }
}
