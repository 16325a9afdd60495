package dev.fulmar.core.ike.eap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSession;

/**
 * The EAP-TLS key material: 128 octets whose first 64 are the MSK and the next 64 the EMSK.
 *
 * <ul>
 *   <li>TLS 1.2 (RFC 5216 §2.3): {@code TLS-PRF-128(master_secret, "client EAP encryption",
 *       client.random || server.random)}, the RFC 5705 exporter without context.
 *   <li>TLS 1.3 (RFC 9190 §2.3): {@code TLS-Exporter("EXPORTER_EAP_TLS_Key_Material", 0x0D,
 *       128)}.
 * </ul>
 *
 * <p>With Java 25+ the JDK's exporter ({@code ExtendedSSLSession.exportKeyingMaterialData}) is
 * used for both versions. Before that, TLS 1.2 only: the master secret captured by {@link
 * MasterSecretCapture} and the hello randoms read from the handshake go through the TLS 1.2 PRF
 * with the cipher suite's hash.
 */
final class TlsKeyMaterial {

  static final int LENGTH = 128;
  static final String TLS12_LABEL = "client EAP encryption";
  static final String TLS13_LABEL = "EXPORTER_EAP_TLS_Key_Material";
  private static final Method EXPORTER = findExporter();

  private TlsKeyMaterial() {}

  private static Method findExporter() {
    try {
      return ExtendedSSLSession.class.getMethod("exportKeyingMaterialData", String.class,
          byte[].class, int.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Whether the runtime exports keying material itself (Java 25+), enabling TLS 1.3. */
  static boolean exporterAvailable() {
    return EXPORTER != null;
  }

  /** Through the JDK exporter; the session must be an {@link ExtendedSSLSession}. */
  static byte[] export(SSLSession session) throws GeneralSecurityException {
    boolean tls13 = "TLSv1.3".equals(session.getProtocol());
    try {
      return (byte[]) EXPORTER.invoke(session, tls13 ? TLS13_LABEL : TLS12_LABEL,
          tls13 ? new byte[] {0x0d} : null, LENGTH);
    } catch (InvocationTargetException e) {
      throw new GeneralSecurityException("TLS keying material export failed: "
          + e.getCause().getMessage(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new GeneralSecurityException("TLS keying material export is not accessible", e);
    }
  }

  /** TLS 1.2: PRF(master, "client EAP encryption", client_random | server_random). */
  static byte[] fromMasterSecret(byte[] master, byte[] clientRandom, byte[] serverRandom,
      String cipherSuite) throws GeneralSecurityException {
    String mac = cipherSuite.endsWith("_SHA384") ? "HmacSHA384" : "HmacSHA256";
    byte[] label = TLS12_LABEL.getBytes(StandardCharsets.US_ASCII);
    byte[] seed = new byte[label.length + 64];
    System.arraycopy(label, 0, seed, 0, label.length);
    System.arraycopy(clientRandom, 0, seed, label.length, 32);
    System.arraycopy(serverRandom, 0, seed, label.length + 32, 32);
    return pHash(mac, master, seed, LENGTH);
  }

  /** P_hash of RFC 5246 §5. */
  static byte[] pHash(String macName, byte[] secret, byte[] seed, int length)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance(macName);
    mac.init(new SecretKeySpec(secret, macName));
    byte[] out = new byte[length];
    byte[] a = seed;
    int off = 0;
    while (off < length) {
      a = mac.doFinal(a);
      mac.update(a);
      byte[] block = mac.doFinal(seed);
      int n = Math.min(block.length, length - off);
      System.arraycopy(block, 0, out, off, n);
      off += n;
    }
    Arrays.fill(a, (byte) 0);
    return out;
  }
}
