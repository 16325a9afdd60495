package dev.fulmar.core.ike.crypto.bench;

import dev.fulmar.core.ike.crypto.Algorithms;
import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.IkeSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.KeyExchangeResponse;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.crypto.SkCipher;
import dev.fulmar.core.ike.crypto.SkCiphers;
import dev.fulmar.core.ike.crypto.TransformKind;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Costs of the IKE crypto, each printed as a ratio to a baseline measured in the same run:
 *
 * <ul>
 *   <li>a whole key exchange (initiate, respond, compute) per method, against X25519;
 *   <li>seal plus open of an IKE_AUTH-sized (1200-byte) SK payload per cipher suite, against a bare
 *       JCE AES-256-GCM encrypt plus decrypt of the same bytes (so the ratio is our overhead:
 *       padding copies, nonce building, ICV handling);
 *   <li>the IKE SA key derivation.
 * </ul>
 *
 * Run (not part of {@code verify}):
 *
 * <pre>
 * ./mvnw -o -q -pl tunnel-core test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp tunnel-core/target/test-classes:tunnel-core/target/classes:$(cat \
 *     tunnel-core/target/test-classpath.txt) dev.fulmar.core.ike.crypto.bench.IkeCryptoBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IkeCryptoBenchmark {

  private static final byte[] PREFIX = new byte[32];
  private static final byte[] PAYLOADS = new byte[1200];

  /** The key exchange method of {@link #keyExchange}. */
  @State(Scope.Thread)
  public static class Method {
    @Param({"31", "19", "20", "14", "15", "36", "37"})
    public int id;
  }

  private final SecureRandom random = new SecureRandom();
  private SkCipher[] gcm;
  private SkCipher[] chacha;
  private SkCipher[] cbc;
  private IkeSuite gcmSuite;
  private Cipher jceGcm;
  private SecretKeySpec jceKey;
  private long jceCounter;
  private byte[] sharedSecret;

  @Setup
  public void setUp() throws GeneralSecurityException {
    gcmSuite =
        IkeSuite.of(
            Algorithms.ENCR_AES_GCM_16,
            256,
            Algorithms.PRF_HMAC_SHA2_384,
            Algorithms.AUTH_NONE,
            Algorithms.CURVE_25519,
            List.of());
    gcm = ciphers(gcmSuite);
    chacha =
        ciphers(
            IkeSuite.of(
                Algorithms.ENCR_CHACHA20_POLY1305,
                0,
                Algorithms.PRF_HMAC_SHA2_256,
                Algorithms.AUTH_NONE,
                Algorithms.CURVE_25519,
                List.of()));
    cbc =
        ciphers(
            IkeSuite.of(
                Algorithms.ENCR_AES_CBC,
                256,
                Algorithms.PRF_HMAC_SHA2_256,
                Algorithms.AUTH_HMAC_SHA2_256_128,
                Algorithms.MODP_2048,
                List.of()));
    jceGcm = Cipher.getInstance("AES/GCM/NoPadding");
    jceKey = new SecretKeySpec(new byte[32], "AES");
    sharedSecret = new byte[32];
    random.nextBytes(sharedSecret);
  }

  /** The initiator's outbound cipher and the responder's inbound one, under the same keys. */
  private SkCipher[] ciphers(IkeSuite suite) throws GeneralSecurityException {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    IkeSaKeys keys = KeyDerivation.ikeSaKeys(suite, nonce, nonce, nonce, 1, 2);
    SkCiphers initiator = suite.ciphers(keys, Role.INITIATOR, random);
    SkCiphers responder = suite.ciphers(keys, Role.RESPONDER, random);
    return new SkCipher[] {initiator.outbound(), responder.inbound()};
  }

  /** One whole key exchange, both sides. */
  @Benchmark
  public byte[] keyExchange(Method method) throws GeneralSecurityException {
    KeyExchange initiator = KeyExchanges.initiate(method.id, random);
    KeyExchangeResponse responder =
        KeyExchanges.respond(method.id, initiator.publicValue(), random);
    return initiator.computeSharedSecret(responder.publicValue());
  }

  @Benchmark
  public byte[] sealOpenAesGcm256() throws GeneralSecurityException {
    return roundTrip(gcm);
  }

  @Benchmark
  public byte[] sealOpenChaCha20Poly1305() throws GeneralSecurityException {
    return roundTrip(chacha);
  }

  @Benchmark
  public byte[] sealOpenAesCbc256HmacSha256() throws GeneralSecurityException {
    return roundTrip(cbc);
  }

  /** Baseline: the JCE's AES-256-GCM encrypt and decrypt of the same bytes, nothing else. */
  @Benchmark
  public byte[] baselineJceAesGcm256() throws GeneralSecurityException {
    byte[] nonce = new byte[12];
    long iv = jceCounter++;
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (iv >>> (56 - 8 * i));
    }
    jceGcm.init(Cipher.ENCRYPT_MODE, jceKey, new GCMParameterSpec(128, nonce));
    jceGcm.updateAAD(PREFIX);
    byte[] sealed = jceGcm.doFinal(PAYLOADS);
    jceGcm.init(Cipher.DECRYPT_MODE, jceKey, new GCMParameterSpec(128, nonce));
    jceGcm.updateAAD(PREFIX);
    return jceGcm.doFinal(sealed);
  }

  @Benchmark
  public IkeSaKeys ikeSaKeyDerivation() {
    return KeyDerivation.ikeSaKeys(gcmSuite, sharedSecret, PAYLOADS, PAYLOADS, 1, 2);
  }

  private static byte[] roundTrip(SkCipher[] pair) throws GeneralSecurityException {
    return pair[1].open(PREFIX, pair[0].seal(PREFIX, PAYLOADS));
  }

  /** Runs the benchmarks and prints each result as a ratio to its same-run baseline. */
  public static void main(String[] args) throws Exception {
    Options options =
        new OptionsBuilder()
            .include(IkeCryptoBenchmark.class.getSimpleName())
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1))
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> scores = new TreeMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
      if (name.equals("keyExchange")) {
        name +=
            "/"
                + Algorithms.name(
                    TransformKind.KEY_EXCHANGE,
                    Integer.parseInt(result.getParams().getParam("id")));
      }
      scores.put(name, result.getPrimaryResult().getScore());
    }
    double keBaseline = scores.get("keyExchange/CURVE_25519");
    double skBaseline = scores.get("baselineJceAesGcm256");
    System.out.println();
    System.out.println("benchmark                              ops/s     ratio to baseline");
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      double baseline = e.getKey().startsWith("keyExchange") ? keBaseline : skBaseline;
      String label = e.getKey().startsWith("keyExchange") ? "x X25519" : "x bare JCE GCM";
      System.out.printf(
          "%-36s %10.0f   %6.3f %s%n", e.getKey(), e.getValue(), e.getValue() / baseline, label);
    }
  }
}
