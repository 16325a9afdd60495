package dev.fulmar.profiles.imports;

import java.util.List;
import java.util.Map;

/**
 * Windows' IPsec cryptography suite names (Set-VpnConnectionIPsecConfiguration, the
 * CryptographySuite of ProfileXML) as strongSwan proposal strings.
 */
final class WindowsCrypto {
  private static final Map<String, String> IKE_ENC =
      Map.of(
          "DES",
          "des",
          "DES3",
          "3des",
          "AES128",
          "aes128",
          "AES192",
          "aes192",
          "AES256",
          "aes256",
          "AES_GCM_128",
          "aes128gcm16",
          "AES_GCM_256",
          "aes256gcm16",
          "GCMAES128",
          "aes128gcm16",
          "GCMAES256",
          "aes256gcm16");
  private static final Map<String, String> INTEG =
      Map.of("MD5", "md5", "SHA196", "sha1", "SHA256", "sha256", "SHA384", "sha384");
  private static final Map<String, String> DH =
      Map.of(
          "None",
          "",
          "Group1",
          "modp768",
          "Group2",
          "modp1024",
          "Group14",
          "modp2048",
          "ECP256",
          "ecp256",
          "ECP384",
          "ecp384",
          "Group24",
          "modp2048s256");
  private static final Map<String, String> ESP_ENC =
      Map.of(
          "DES",
          "des",
          "DES3",
          "3des",
          "AES128",
          "aes128",
          "AES192",
          "aes192",
          "AES256",
          "aes256",
          "GCMAES128",
          "aes128gcm16",
          "GCMAES192",
          "aes192gcm16",
          "GCMAES256",
          "aes256gcm16");
  private static final Map<String, String> ESP_AUTH =
      Map.of(
          "MD596",
          "md5",
          "SHA196",
          "sha1",
          "SHA256128",
          "sha256",
          "GCMAES128",
          "",
          "GCMAES192",
          "",
          "GCMAES256",
          "",
          "None",
          "");
  private static final Map<String, String> PFS =
      Map.of(
          "None",
          "",
          "PFS1",
          "modp768",
          "PFS2",
          "modp1024",
          "PFS2048",
          "modp2048",
          "ECP256",
          "ecp256",
          "ECP384",
          "ecp384",
          "PFS24",
          "modp2048s256");

  private WindowsCrypto() {}

  /** Map lookup that tolerates a missing (null) key, which {@code Map.of} maps reject. */
  private static String get(Map<String, String> map, String key) {
    return key == null ? null : map.get(key);
  }

  /** The IKE proposal, or empty when a value is unknown (reported). */
  static List<String> ike(String enc, String integ, String dh, ReportBuilder rb) {
    String e = get(IKE_ENC, enc);
    String i = get(INTEG, integ);
    String g = get(DH, dh);
    if (e == null || i == null || g == null || g.isEmpty()) {
      rb.dropped(
          "CryptographySuite (IKE: " + enc + ", " + integ + ", " + dh + ")",
          "unknown or missing value");
      return List.of();
    }
    boolean aead = e.contains("gcm");
    return List.of(e + (aead ? "-prf" + i : "-" + i) + "-" + g);
  }

  /** The ESP proposal; PFSMM means "the IKE group". */
  static List<String> esp(
      String cipher, String auth, String pfs, String ikeGroup, ReportBuilder rb) {
    String c = get(ESP_ENC, cipher);
    String a = get(ESP_AUTH, auth);
    String p =
        "PFSMM".equals(pfs)
            ? (ikeGroup == null ? "" : DH.getOrDefault(ikeGroup, ""))
            : get(PFS, pfs == null ? "None" : pfs);
    if (c == null || a == null || p == null) {
      rb.dropped(
          "CryptographySuite (ESP: " + cipher + ", " + auth + ", " + pfs + ")",
          "unknown or missing value");
      return List.of();
    }
    boolean aead = c.contains("gcm");
    return List.of(c + (aead || a.isEmpty() ? "" : "-" + a) + (p.isEmpty() ? "" : "-" + p));
  }
}
