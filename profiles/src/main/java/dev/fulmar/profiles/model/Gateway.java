package dev.fulmar.profiles.model;

import java.util.Objects;

/**
 * One IKE gateway: a DNS name or an IP literal and the IKE port (500 unless the admin moved it; the
 * client switches to 4500 when NAT is detected, RFC 7296 §2.23).
 */
public record Gateway(String host, int port) {
  public static final int DEFAULT_PORT = 500;

  public Gateway {
    Objects.requireNonNull(host, "host");
  }

  public static Gateway of(String host) {
    return new Gateway(host, DEFAULT_PORT);
  }
}
