package dev.fulmar.profiles.imports;

import com.dd.plist.NSDictionary;
import dev.fulmar.profiles.model.Bytes;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The certificate payloads of a configuration profile: roots and the PKCS#12 identity. */
final class AppleCertificates {
  private AppleCertificates() {}

  /**
   * CA certificates from {@code com.apple.security.root} / {@code .pem} / {@code .pkcs1} payloads.
   */
  static List<CaCertificate> roots(List<NSDictionary> payloads, ReportBuilder rb) {
    List<CaCertificate> out = new ArrayList<>();
    for (NSDictionary p : payloads) {
      String type = Plists.string(p, "PayloadType");
      byte[] content = Plists.data(p, "PayloadContent");
      if (content == null || type == null) {
        continue;
      }
      if (type.equals("com.apple.security.root")
          || type.equals("com.apple.security.pkcs1")
          || type.equals("com.apple.security.pem")) {
        String text = new String(content, StandardCharsets.US_ASCII);
        out.add(
            new CaCertificate.Pem(
                text.contains("-----BEGIN CERTIFICATE-----") ? text : Conversions.pem(content)));
        rb.mapped(
            "payload " + type + " '" + Plists.string(p, "PayloadDisplayName") + "'",
            "trust.caCertificates[" + (out.size() - 1) + "]");
      }
    }
    return out;
  }

  /** The PKCS#12 payload with this UUID, its password moved into {@code secrets}. */
  static Pkcs12 identity(
      List<NSDictionary> payloads, String uuid, ReportBuilder rb, SecretBundle secrets) {
    for (NSDictionary p : payloads) {
      if (uuid.equalsIgnoreCase(String.valueOf(Plists.string(p, "PayloadUUID")))
          && "com.apple.security.pkcs12".equals(Plists.string(p, "PayloadType"))) {
        byte[] content = Plists.data(p, "PayloadContent");
        if (content == null) {
          return null;
        }
        rb.mapped(
            "payload com.apple.security.pkcs12 '" + Plists.string(p, "PayloadDisplayName") + "'",
            "auth.pkcs12.data");
        String password = Plists.string(p, "Password");
        if (password != null) {
          secrets.put(SecretKind.PKCS12_PASSWORD, password.toCharArray());
          rb.mapped("pkcs12 Password", "the keychain (PKCS#12 password)");
        }
        return new Pkcs12.Embedded(Bytes.of(content));
      }
    }
    rb.dropped(
        "PayloadCertificateUUID " + uuid,
        "no com.apple.security.pkcs12 payload with that UUID is in the file");
    return null;
  }
}
