package dev.fulmar.profiles.model;

/**
 * Diagnostics the user turns on deliberately. {@code keyLogPath}: when set, the keys of every
 * negotiated IKE and ESP SA are appended to that file in Wireshark's IKEv2/ESP decryption-table
 * format, so a capture can be read; anyone with the file can decrypt the traffic. Off (null) by
 * default.
 */
public record Diagnostics(String keyLogPath) {
  public static final Diagnostics OFF = new Diagnostics(null);
}
