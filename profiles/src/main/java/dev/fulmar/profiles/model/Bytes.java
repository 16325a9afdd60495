package dev.fulmar.profiles.model;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An immutable byte string (an embedded certificate, a PKCS#12 bundle, a pin), so that profile
 * records keep value semantics: {@code equals} compares contents, {@code toString} never dumps
 * them.
 */
public final class Bytes {
  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** A copy of {@code data}. */
  public static Bytes of(byte[] data) {
    return new Bytes(data.clone());
  }

  /**
   * Decodes standard or URL-safe base64, ignoring whitespace (files wrap base64 at 64 or 76).
   *
   * @throws IllegalArgumentException if the text is not base64
   */
  public static Bytes fromBase64(String text) {
    String compact = text.replaceAll("\\s+", "");
    if (compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0) {
      return new Bytes(Base64.getUrlDecoder().decode(compact));
    }
    return new Bytes(Base64.getDecoder().decode(compact));
  }

  /** A copy of the contents. */
  public byte[] toArray() {
    return data.clone();
  }

  public int length() {
    return data.length;
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(data);
  }

  public String toHex() {
    return HexFormat.of().formatHex(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Bytes[" + data.length + "]";
  }
}
