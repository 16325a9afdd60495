package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * Fuzz test of every decoding entry point: whatever arrives, the codec returns a message or throws
 * {@link IkeProtocolException} (or {@link IntegrityCheckFailedException} where a cipher is
 * involved), never another exception, and never hangs. A message that decodes also re-encodes and
 * decodes to itself.
 *
 * <p>Each jqwik try draws a seed and runs a batch of inputs generated from it: arbitrary bytes
 * (with and without a plausible header), mutations of valid datagrams (bit flips, overwrites,
 * truncation, extension, insertion, deletion, copied regions, changed length fields), properly
 * sealed SK payloads around mutated inner chains, and reassembly from mutated and forged SKF
 * fragments. A failure reports the seed, the input's index and its hex.
 *
 * <p>The normal run has {@value #DEFAULT_INPUTS} inputs in total (35% arbitrary bytes, 35% mutated
 * datagrams, 20% sealed mutated chains, 10% reassembly sequences of six datagrams each; about 10 s
 * on a quiet 2-core machine). For a long run set the total with the system property {@code
 * fulmar.fuzz.tries}:
 *
 * <pre>
 * ./mvnw -o -pl tunnel-core verify -Dtest=DecoderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfulmar.fuzz.tries=10000000
 * </pre>
 *
 * <p>The hang check is a generous per-batch timeout, not a performance target.
 */
class DecoderFuzzTest {

  static final long DEFAULT_INPUTS = 100_000;
  private static final long TOTAL = Long.getLong("fulmar.fuzz.tries", DEFAULT_INPUTS);
  private static final int BATCHES = 100;
  private static final Duration HANG = Duration.ofMinutes(5);

  @Property(tries = BATCHES, shrinking = ShrinkingMode.OFF)
  void arbitraryBytesDecodeToAMessageOrATypedError(@ForAll long seed) {
    batch(
        seed,
        35,
        (r, i) -> {
          byte[] input = Mutator.randomBytes(r, r.nextInt(r.nextBoolean() ? 64 : 700));
          if (input.length >= 28 && r.nextBoolean()) {
            input[17] = 0x20; // version 2.0
            Arrays.fill(input, 24, 28, (byte) 0);
            input[26] = (byte) (input.length >>> 8);
            input[27] = (byte) input.length;
          }
          checkWire(input, seed, i);
        });
  }

  @Property(tries = BATCHES, shrinking = ShrinkingMode.OFF)
  void mutatedDatagramsDecodeToAMessageOrATypedError(@ForAll long seed) {
    batch(
        seed,
        35,
        (r, i) -> {
          byte[] original = FuzzCorpus.DATAGRAMS.get(r.nextInt(FuzzCorpus.DATAGRAMS.size()));
          byte[] input = Mutator.mutate(r, original, true);
          checkWire(input, seed, i);
          if (r.nextInt(4) == 0) {
            checkProtected(input, seed, i);
          }
        });
  }

  @Property(tries = BATCHES, shrinking = ShrinkingMode.OFF)
  void sealedMutatedChainsDecodeToAMessageOrATypedError(@ForAll long seed) {
    batch(
        seed,
        20,
        (r, i) -> {
          int pick = r.nextInt(FuzzCorpus.CHAINS.size());
          byte[] chain = Mutator.mutate(r, FuzzCorpus.CHAINS.get(pick), false);
          int first =
              r.nextInt(4) == 0 ? r.nextInt(256) : FuzzCorpus.CHAIN_FIRST_TYPES.get(pick).value();
          byte[] input = FuzzCorpus.sealRaw(first, chain, new HmacXorSkCipher());
          if (r.nextInt(5) == 0) {
            input = Mutator.mutate(r, input, true);
            checkProtected(input, seed, i);
          } else {
            try {
              IkeMessage m = IkeMessage.decodeProtected(input, new HmacXorSkCipher());
              assertThat(
                      IkeMessage.decodeProtected(
                          m.encode(new HmacXorSkCipher()), new HmacXorSkCipher()))
                  .isEqualTo(m);
            } catch (IkeProtocolException e) {
              assertThat(e.getMessage()).isNotBlank();
            }
          }
        });
  }

  @Property(tries = BATCHES, shrinking = ShrinkingMode.OFF)
  void reassemblyOfMutatedFragmentsFailsOnlyWithTypedErrors(@ForAll long seed) {
    batch(
        seed,
        10,
        (r, i) -> {
          FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());
          int total = 1 + r.nextInt(4);
          for (int n = 0; n < 6; n++) {
            byte[] input =
                switch (r.nextInt(3)) {
                  case 0 -> FuzzCorpus.FRAGMENTS.get(r.nextInt(FuzzCorpus.FRAGMENTS.size()));
                  case 1 ->
                      Mutator.mutate(
                          r,
                          FuzzCorpus.FRAGMENTS.get(r.nextInt(FuzzCorpus.FRAGMENTS.size())),
                          true);
                  default ->
                      FuzzCorpus.sealFragment(
                          r.nextInt(256),
                          1 + r.nextInt(total),
                          total,
                          Mutator.mutate(
                              r, FuzzCorpus.CHAINS.get(r.nextInt(FuzzCorpus.CHAINS.size())), false),
                          new HmacXorSkCipher());
                };
            try {
              reassembler.add(input);
            } catch (IkeProtocolException | IntegrityCheckFailedException e) {
              assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException | Error e) {
              throw new AssertionError(describe(seed, i, input), e);
            }
          }
        });
  }

  /** Decodes the wire view; a decoded message must re-encode to something that decodes to it. */
  private static void checkWire(byte[] input, long seed, int index) {
    try {
      IkeMessage m = IkeMessage.decode(input);
      assertThat(IkeMessage.decode(m.encode())).isEqualTo(m);
    } catch (IkeProtocolException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (Exception | AssertionError e) {
      throw new AssertionError(describe(seed, index, input), e);
    }
  }

  private static void checkProtected(byte[] input, long seed, int index) {
    try {
      IkeMessage.decodeProtected(input, new HmacXorSkCipher()).intAuthOctets();
    } catch (IkeProtocolException | IntegrityCheckFailedException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (RuntimeException e) {
      throw new AssertionError(describe(seed, index, input), e);
    }
  }

  private static String describe(long seed, int index, byte[] input) {
    return "seed " + seed + ", input " + index + ": " + Hex.hex(input);
  }

  private interface Case {
    void run(Random r, int index) throws Exception;
  }

  /** Runs this property's share ({@code percent} of the total) of inputs for one seed. */
  private static void batch(long seed, int percent, Case c) {
    long inputs = Math.max(1, TOTAL * percent / 100 / BATCHES);
    assertTimeoutPreemptively(
        HANG,
        () -> {
          Random r = new Random(seed);
          for (int i = 0; i < inputs; i++) {
            c.run(r, i);
          }
        });
  }
}
