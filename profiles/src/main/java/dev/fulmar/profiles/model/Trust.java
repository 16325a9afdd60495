package dev.fulmar.profiles.model;

import java.util.List;

/**
 * How the gateway is authenticated: the CA certificates that may sign its certificate, SHA-256 pins
 * of the gateway's own certificate (checked in addition to the chain), and whether the operating
 * system's trust store is used when the profile names no CA.
 */
public record Trust(
    List<CaCertificate> caCertificates,
    List<Bytes> serverCertificatePins,
    boolean useSystemTrustStore) {

  public static final Trust SYSTEM = new Trust(List.of(), List.of(), true);

  public Trust {
    caCertificates = List.copyOf(caCertificates);
    serverCertificatePins = List.copyOf(serverCertificatePins);
  }
}
