package dev.fulmar.interop.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * Keeps a gateway in "cookies required" mode. strongSwan asks for a cookie (RFC 7296 §2.6) only
 * while at least {@code cookie_threshold} IKE_SAs are half-open, so with a threshold of 1 the lab
 * sends one IKE_SA_INIT that is never followed by IKE_AUTH, from the LAN host to a connection
 * reserved for it; the gateway keeps that IKE_SA half-open for {@code half_open_timeout}.
 *
 * <pre>
 *   HDR(SPIi, 0, IKE_SA_INIT, I) SA{ENCR_AES_GCM_16/128, PRF_HMAC_SHA2_256, Curve25519}
 *   KE(31, 32 random bytes) Ni(32 random bytes)  -->
 * </pre>
 */
final class CookieDecoy {
  /** The proposal of the decoy connection, matching the message built here. */
  static final String PROPOSAL = "aes128gcm16-prfsha256-curve25519";

  private CookieDecoy() {}

  static void holdHalfOpen(Lab lab, StrongSwanGateway gateway) {
    Path file = lab.dir().resolve("cookie-decoy-ike_sa_init.bin");
    try {
      Files.write(file, ikeSaInit(new SecureRandom()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> send = lab.lanHost().wrap(
        List.of("bash", "-c", "cat > /dev/udp/" + Lab.GATEWAY_IP + "/500"));
    Cmd.probe(Duration.ofSeconds(10), file, send).orThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (gateway.halfOpenSas() < 1) {
      if (System.nanoTime() > deadline) {
        throw new LabException("the gateway did not keep the decoy IKE_SA half-open, so it will"
            + " not demand cookies; log " + gateway.logFile());
      }
      CharonDaemon.sleep(20);
    }
  }

  /** An IKE_SA_INIT request (RFC 7296 §1.2) with fresh SPI, key share and nonce. */
  static byte[] ikeSaInit(SecureRandom random) {
    byte[] spi = new byte[8];
    byte[] keyShare = new byte[32];
    byte[] nonce = new byte[32];
    random.nextBytes(spi);
    random.nextBytes(keyShare);
    random.nextBytes(nonce);
    int transforms = 12 + 8 + 8;
    int proposal = 8 + transforms;
    int sa = 4 + proposal;
    int ke = 8 + keyShare.length;
    int ni = 4 + nonce.length;
    int total = 28 + sa + ke + ni;
    ByteBuffer b = ByteBuffer.allocate(total);
    // IKE header: SPIi, SPIr = 0, next payload SA(33), version 2.0, IKE_SA_INIT(34), Initiator
    b.put(spi).putLong(0).put((byte) 33).put((byte) 0x20).put((byte) 34).put((byte) 0x08)
        .putInt(0).putInt(total);
    // SA payload: next KE(34); one proposal #1, protocol IKE, no SPI, three transforms
    b.put((byte) 34).put((byte) 0).putShort((short) sa);
    b.put((byte) 0).put((byte) 0).putShort((short) proposal).put((byte) 1).put((byte) 1)
        .put((byte) 0).put((byte) 3);
    // ENCR(1) AES-GCM-16(20), Key Length attribute (TV, 14) = 128
    b.put((byte) 3).put((byte) 0).putShort((short) 12).put((byte) 1).put((byte) 0)
        .putShort((short) 20).putShort((short) 0x800e).putShort((short) 128);
    // PRF(2) HMAC-SHA2-256(5)
    b.put((byte) 3).put((byte) 0).putShort((short) 8).put((byte) 2).put((byte) 0)
        .putShort((short) 5);
    // KE(4) Curve25519(31), last transform
    b.put((byte) 0).put((byte) 0).putShort((short) 8).put((byte) 4).put((byte) 0)
        .putShort((short) 31);
    // KE payload: next Nonce(40), group 31
    b.put((byte) 40).put((byte) 0).putShort((short) ke).putShort((short) 31).putShort((short) 0)
        .put(keyShare);
    // Nonce payload: last
    b.put((byte) 0).put((byte) 0).putShort((short) ni).put(nonce);
    return b.array();
  }
}
