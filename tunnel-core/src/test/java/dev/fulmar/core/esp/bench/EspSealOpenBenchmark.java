package dev.fulmar.core.esp.bench;

import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspPacket;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.esp.SaTable;
import java.net.InetSocketAddress;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 1 of the data-path issue: one ESP seal plus one open (tunnel mode, in place) against
 * the raw JCE encrypt plus decrypt of the same AEAD on the same payload with a 12-byte nonce and
 * 8-byte AAD on reused {@code Cipher}s. For AES-GCM-16 the JCE is what ESP runs on, so the ratio
 * is the ESP codec's overhead; for ChaCha20-Poly1305 ESP runs on its own ChaCha20 and Poly1305, so
 * the ratio shows what that gains over SunJCE's. Both run in the same JMH run; {@link
 * EspBenchmarkMain} prints the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EspSealOpenBenchmark {
  private static final int HEADROOM = 128;

  @Param({"64", "512", "1400"})
  public int size;

  /** {@code aes128gcm16} or {@code chacha20poly1305}. */
  @Param({"aes128gcm16", "chacha20poly1305"})
  public String transform = "aes128gcm16";

  private EspSa tx;
  private EspSa rx;
  private SaTable table;
  private final EspPacket packet = new EspPacket();
  private byte[] buf;

  private Cipher enc;
  private Cipher dec;
  private SecretKeySpec key;
  private final byte[] nonce = new byte[12];
  private final byte[] aad = new byte[8];
  private byte[] raw;
  private long counter;
  private boolean gcm;

  @Setup(Level.Iteration)
  public void setUp() throws Exception {
    boolean gcm = transform.equals("aes128gcm16");
    EspTransform t = gcm ? EspTransform.aesGcm16(128) : EspTransform.chacha20Poly1305();
    byte[] keyMat = new byte[t.encryptionKeyLength()];
    for (int i = 0; i < keyMat.length; i++) {
      keyMat[i] = (byte) (i + 1);
    }
    table = new SaTable();
    table.install(EspSaPair.builder().childSaId(1).spis(0x1234, 0x1234).transform(t)
        .mode(EspMode.TUNNEL).inboundKeys(keyMat.clone(), new byte[0])
        .outboundKeys(keyMat.clone(), new byte[0])
        .localTs(List.of(TrafficSelector.all(false))).remoteTs(List.of(TrafficSelector.all(false)))
        .peer(new InetSocketAddress("192.0.2.1", 4500)).build());
    tx = table.outboundOf(1);
    rx = table.inboundOf(1);
    buf = new byte[HEADROOM + size + 64];
    buf[HEADROOM] = 0x45;
    for (int i = 1; i < size; i++) {
      buf[HEADROOM + i] = (byte) i;
    }

    this.gcm = gcm;
    enc = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
    dec = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
    key = new SecretKeySpec(keyMat, 0, gcm ? 16 : 32, gcm ? "AES" : "ChaCha20");
    raw = new byte[size + 16];
    System.arraycopy(buf, HEADROOM, raw, 0, size);
    counter = 0;
  }

  /** Every measured ESP operation must have succeeded; a drop would make the figure a lie. */
  @TearDown(Level.Iteration)
  public void checkNoDrops() {
    long drops = tx.counters().totalDrops() + rx.counters().totalDrops();
    if (drops != 0 || rx.counters().packets() != tx.counters().packets()) {
      throw new IllegalStateException("ESP benchmark dropped packets: " + rx.counters()
          .dropsByReason() + " " + tx.counters().dropsByReason());
    }
    table.deleteAll();
  }

  /** ESP: seal in place, then open in place (the payload is back where it was). */
  @Benchmark
  public int espSealOpen() {
    tx.seal(buf, HEADROOM, size, 4, packet);
    rx.open(buf, packet.offset(), packet.length(), packet);
    return packet.length();
  }

  /** Raw JCE AEAD of the same algorithm: encrypt and decrypt the same payload in place. */
  @Benchmark
  public int jceSealOpen() throws Exception {
    counter++;
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (counter >>> (56 - 8 * i));
    }
    enc.init(Cipher.ENCRYPT_MODE, key, spec());
    enc.updateAAD(aad);
    int n = enc.doFinal(raw, 0, size, raw, 0);
    dec.init(Cipher.DECRYPT_MODE, key, spec());
    dec.updateAAD(aad);
    return dec.doFinal(raw, 0, n, raw, 0);
  }

  private AlgorithmParameterSpec spec() {
    return gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
  }
}
