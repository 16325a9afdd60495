package dev.fulmar.profiles.imports;

import com.dd.plist.NSDictionary;
import dev.fulmar.profiles.model.KeyExchange;
import java.util.List;
import java.util.Map;

/** Apple's SA parameter dictionaries as strongSwan proposal strings. */
final class AppleProposals {
  private static final Map<String, String> ENCRYPTION =
      Map.of(
          "DES",
          "des",
          "3DES",
          "3des",
          "AES-128",
          "aes128",
          "AES-256",
          "aes256",
          "AES-128-GCM",
          "aes128gcm16",
          "AES-256-GCM",
          "aes256gcm16",
          "ChaCha20Poly1305",
          "chacha20poly1305");
  private static final Map<String, String> INTEGRITY =
      Map.of(
          "SHA1-96",
          "sha1",
          "SHA1-160",
          "sha1",
          "SHA2-256",
          "sha256",
          "SHA2-384",
          "sha384",
          "SHA2-512",
          "sha512");

  private AppleProposals() {}

  static List<String> ike(NSDictionary p, ReportBuilder rb) {
    String s = build(p, true, true, rb);
    return s == null ? List.of() : List.of(s);
  }

  static List<String> esp(NSDictionary p, boolean pfs, ReportBuilder rb) {
    String s = build(p, false, pfs, rb);
    return s == null ? List.of() : List.of(s);
  }

  /** Apple's defaults apply to absent keys: AES-256, SHA2-256, group 14. */
  private static String build(NSDictionary p, boolean ike, boolean withKe, ReportBuilder rb) {
    if (p == null) {
      return null;
    }
    String encName = String.valueOf(Plists.string(p, "EncryptionAlgorithm"));
    String enc =
        ENCRYPTION.getOrDefault(
            encName, Plists.string(p, "EncryptionAlgorithm") == null ? "aes256" : null);
    String integName = String.valueOf(Plists.string(p, "IntegrityAlgorithm"));
    String integ =
        INTEGRITY.getOrDefault(
            integName, Plists.string(p, "IntegrityAlgorithm") == null ? "sha256" : null);
    Integer group = Plists.integer(p, "DiffieHellmanGroup");
    String ke = KeyExchange.byId(group == null ? 14 : group).map(KeyExchange::keyword).orElse(null);
    if (enc == null || integ == null || (withKe && ke == null)) {
      rb.dropped(
          ike ? "IKESecurityAssociationParameters" : "ChildSecurityAssociationParameters",
          "unknown value (" + encName + ", " + integName + ", group " + group + ")");
      return null;
    }
    boolean aead = enc.contains("gcm") || enc.startsWith("chacha");
    StringBuilder s = new StringBuilder(enc);
    if (aead) {
      s.append(ike ? "-prf" + integ : "");
    } else {
      s.append('-').append(integ);
    }
    if (withKe) {
      s.append('-').append(ke);
    }
    return s.toString();
  }
}
