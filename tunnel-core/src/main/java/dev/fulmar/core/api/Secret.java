package dev.fulmar.core.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password, PSK or other secret that must never reach a log: {@link #toString()} is redacted,
 * accessors return copies the caller wipes, and {@link #wipe()} zeroes the held copy once the
 * session no longer needs it.
 */
public final class Secret {
  private final byte[] bytes;
  private volatile boolean wiped;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A secret from characters (encoded as UTF-8); the caller may wipe {@code chars} afterwards. */
  public static Secret ofChars(char[] chars) {
    ByteBuffer buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] out = new byte[buf.remaining()];
    buf.get(out);
    Arrays.fill(buf.array(), (byte) 0);
    return new Secret(out);
  }

  /** A secret from raw bytes (copied). */
  public static Secret ofBytes(byte[] bytes) {
    return new Secret(bytes.clone());
  }

  /** A copy of the secret's bytes (UTF-8 for passwords); wipe it after use. */
  public byte[] bytes() {
    if (wiped) {
      throw new IllegalStateException("secret already wiped");
    }
    return bytes.clone();
  }

  /** A copy of the secret as characters; wipe it after use. */
  public char[] chars() {
    CharBuffer buf = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes()));
    char[] out = new char[buf.remaining()];
    buf.get(out);
    Arrays.fill(buf.array(), '\0');
    return out;
  }

  /** Zeroes the held copy; later accessors throw. Idempotent. */
  public void wipe() {
    Arrays.fill(bytes, (byte) 0);
    wiped = true;
  }

  public boolean isWiped() {
    return wiped;
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
