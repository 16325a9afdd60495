package dev.fulmar.helper;

import dev.fulmar.core.ike.Pki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Writes `.vpn` profiles for the helper's tests, trusting the exchange tests' CA. */
public final class ProfileFiles {
  private ProfileFiles() {}

  /** A profile with the given {@code auth} object (JSON) and extra top-level members. */
  public static Path write(Path dir, String name, String auth, String extra) throws IOException {
    String json = "{\n"
        + "  \"format\": \"fulmar-profile\",\n"
        + "  \"version\": 1,\n"
        + "  \"name\": \"" + name + "\",\n"
        + "  \"gateway\": { \"host\": \"192.0.2.1\" },\n"
        + "  \"trust\": { \"caCertificates\": [ { \"pem\": " + quoted(pem(Pki.CA.certificate()))
        + " } ], \"systemTrustStore\": false },\n"
        + "  \"auth\": " + auth + (extra.isEmpty() ? "" : ",\n  " + extra) + "\n"
        + "}\n";
    Path file = dir.resolve(name + ".vpn");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  public static Path eap(Path dir, String name) throws IOException {
    return write(dir, name, "{ \"method\": \"eap-mschapv2\", \"username\": \"alice\" }", "");
  }

  static String pem(X509Certificate c) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(c.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
