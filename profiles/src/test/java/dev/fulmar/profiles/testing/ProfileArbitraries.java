package dev.fulmar.profiles.testing;

import dev.fulmar.profiles.model.Appearance;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.Bytes;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Diagnostics;
import dev.fulmar.profiles.model.Dns;
import dev.fulmar.profiles.model.Encryption;
import dev.fulmar.profiles.model.EspProposal;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.IkeProposal;
import dev.fulmar.profiles.model.Integrity;
import dev.fulmar.profiles.model.IpAddress;
import dev.fulmar.profiles.model.KeyExchange;
import dev.fulmar.profiles.model.KillSwitch;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Prf;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Proposals;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import dev.fulmar.profiles.model.Timers;
import dev.fulmar.profiles.model.Transport;
import dev.fulmar.profiles.model.Trust;
import dev.fulmar.profiles.model.TrustedNetworks;
import dev.fulmar.profiles.model.UnknownField;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generates valid profiles covering every field and variant of the model. */
public final class ProfileArbitraries {
  private static final String CA_PEM = read("src/test/resources/pki/ca.pem");
  private static final String WORD = "abcdefghijklmnopqrstuvwxyz0123456789";

  private ProfileArbitraries() {}

  public static Arbitrary<Profile> profiles() {
    return Arbitraries.randomValue(ProfileArbitraries::profile);
  }

  static Profile profile(Random r) {
    return Profile.builder()
        .id(new UUID(r.nextLong(), r.nextLong()))
        .name(
            pick(
                r,
                "Example Corp",
                "Büro – Zürich",
                "VPN \"quoted\" \\ name",
                word(r) + " " + word(r)))
        .gateways(list(r, 1, 3, () -> new Gateway(host(r), 1 + r.nextInt(65535))))
        .localId(r.nextBoolean() ? null : identity(r))
        .remoteId(r.nextBoolean() ? null : identity(r))
        .trust(trust(r))
        .auth(auth(r))
        .proposals(new Proposals(list(r, 0, 3, () -> ike(r)), list(r, 0, 3, () -> esp(r))))
        .routing(
            new Routing(
                r.nextBoolean() ? Routing.Mode.SPLIT : Routing.Mode.FULL,
                list(r, 0, 3, () -> subnet(r)),
                list(r, 0, 2, () -> subnet(r, 1))))
        .dns(
            new Dns(
                list(r, 0, 3, () -> ip(r)),
                list(r, 0, 3, () -> domain(r)),
                list(r, 0, 2, () -> domain(r))))
        .timers(
            new Timers(secs(r, 0, 3600), secs(r, 0, 600), secs(r, 300, 86400), secs(r, 300, 86400)))
        .transport(
            new Transport(
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean() ? null : 1280 + r.nextInt(7000)))
        .killSwitch(new KillSwitch(r.nextBoolean(), r.nextBoolean()))
        .autoConnect(r.nextBoolean())
        .trustedNetworks(
            new TrustedNetworks(
                list(r, 0, 2, () -> "Wi-Fi " + word(r)), list(r, 0, 2, () -> domain(r))))
        .appearance(
            new Appearance(
                r.nextBoolean() ? null : word(r),
                r.nextBoolean() ? null : String.format("#%06X", r.nextInt(1 << 24))))
        .diagnostics(new Diagnostics(r.nextInt(4) == 0 ? "/tmp/" + word(r) + ".keys" : null))
        // in document order, as the reader returns them: nested objects end before the top level
        .unknownFields(
            r.nextInt(3) == 0
                ? List.of(
                    new UnknownField("auth", "hint", "\"" + word(r) + "\""),
                    new UnknownField("", "x-" + word(r), "{\"n\":[1,true,null,\"s\"]}"))
                : List.of())
        .build();
  }

  private static Trust trust(Random r) {
    List<CaCertificate> cas =
        list(
            r,
            0,
            2,
            () ->
                r.nextBoolean()
                    ? new CaCertificate.Pem(CA_PEM)
                    : new CaCertificate.FileRef("/etc/ssl/" + word(r) + ".pem"));
    List<Bytes> pins =
        list(
            r,
            0,
            2,
            () -> {
              byte[] b = new byte[32];
              r.nextBytes(b);
              return Bytes.of(b);
            });
    return new Trust(cas, pins, cas.isEmpty() && pins.isEmpty() || r.nextBoolean());
  }

  private static Authentication auth(Random r) {
    Pkcs12 p12 =
        r.nextBoolean()
            ? new Pkcs12.FileRef("/home/u/" + word(r) + ".p12")
            : new Pkcs12.Embedded(
                Bytes.of(new byte[] {0x30, (byte) 0x82, 1, 2, (byte) r.nextInt()}));
    Authentication.PasswordEap pe =
        new Authentication.PasswordEap(
            pick(r, EapMethod.MSCHAPV2, EapMethod.GTC, EapMethod.MD5),
            pick(r, "jdoe", "DOMAIN\\jdoe", "j.doe@example.net"));
    return switch (r.nextInt(5)) {
      case 0 -> pe;
      case 1 -> new Authentication.EapTls(p12, r.nextBoolean() ? null : "jdoe@example.net");
      case 2 -> new Authentication.Certificate(p12);
      case 3 -> new Authentication.Psk();
      default -> new Authentication.CertificateThenEap(p12, pe);
    };
  }

  private static IkeProposal ike(Random r) {
    boolean aead = r.nextBoolean();
    List<Encryption> encr =
        aead
            ? some(r, Encryption.AES256GCM16, Encryption.AES128GCM16, Encryption.CHACHA20POLY1305)
            : some(r, Encryption.AES256, Encryption.AES128);
    List<Integrity> integ =
        aead ? List.of() : some(r, Integrity.SHA256, Integrity.SHA384, Integrity.SHA512);
    List<Prf> prf = some(r, Prf.PRFSHA384, Prf.PRFSHA256, Prf.PRFSHA512);
    return new IkeProposal(encr, integ, prf, some(r, classicKe()), addKe(r));
  }

  private static EspProposal esp(Random r) {
    boolean aead = r.nextBoolean();
    List<Encryption> encr =
        aead
            ? some(r, Encryption.AES256GCM16, Encryption.CHACHA20POLY1305)
            : some(r, Encryption.AES256, Encryption.AES128);
    List<Integrity> integ = aead ? List.of() : some(r, Integrity.SHA256, Integrity.SHA512);
    List<KeyExchange> ke = r.nextBoolean() ? List.of() : some(r, classicKe());
    List<EspProposal.Esn> esn =
        r.nextBoolean() ? List.of() : some(r, EspProposal.Esn.ESN, EspProposal.Esn.NO_ESN);
    return new EspProposal(encr, integ, ke, r.nextBoolean() ? new TreeMap<>() : addKe(r), esn);
  }

  private static KeyExchange[] classicKe() {
    return new KeyExchange[] {
      KeyExchange.ECP384,
      KeyExchange.CURVE25519,
      KeyExchange.ECP256,
      KeyExchange.MODP2048,
      KeyExchange.MODP3072
    };
  }

  private static TreeMap<Integer, List<KeyExchange>> addKe(Random r) {
    TreeMap<Integer, List<KeyExchange>> m = new TreeMap<>();
    for (int n = 1; n <= 7; n++) {
      if (r.nextInt(5) == 0) {
        m.put(n, some(r, KeyExchange.MLKEM768, KeyExchange.MLKEM1024, KeyExchange.MLKEM512));
      }
    }
    return m;
  }

  private static Identity identity(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> new Identity(Identity.Type.FQDN, host(r));
      case 1 -> new Identity(Identity.Type.RFC822_ADDR, word(r) + "@example.net");
      case 2 -> new Identity(Identity.Type.IPV4_ADDR, "198.51.100." + r.nextInt(256));
      case 3 ->
          new Identity(
              Identity.Type.IPV6_ADDR, "2001:db8::" + Integer.toHexString(r.nextInt(65536)));
      case 4 -> new Identity(Identity.Type.DER_ASN1_DN, "CN=" + word(r) + ", O=Example");
      default -> new Identity(Identity.Type.KEY_ID, word(r));
    };
  }

  private static String host(Random r) {
    return r.nextInt(4) == 0 ? "203.0.113." + r.nextInt(256) : word(r) + ".example.net";
  }

  private static String domain(Random r) {
    return word(r) + "." + pick(r, "example.net", "corp.example.org");
  }

  private static IpAddress ip(Random r) {
    return r.nextBoolean()
        ? IpAddress.of("10." + r.nextInt(256) + ".0." + r.nextInt(256))
        : IpAddress.of("2001:db8::" + Integer.toHexString(1 + r.nextInt(65535)));
  }

  private static Subnet subnet(Random r) {
    return subnet(r, 0);
  }

  private static Subnet subnet(Random r, int minPrefix) {
    try {
      boolean v6 = r.nextInt(3) == 0;
      byte[] a = new byte[v6 ? 16 : 4];
      r.nextBytes(a);
      int bits = v6 ? 128 : 32;
      return new Subnet(
              new IpAddress(InetAddress.getByAddress(a)),
              minPrefix + r.nextInt(bits - minPrefix + 1))
          .network();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Duration secs(Random r, int min, int max) {
    int s = min + r.nextInt(max - min + 1);
    return Duration.ofSeconds(min == 0 && s < 5 ? 0 : s);
  }

  private static String word(Random r) {
    StringBuilder s = new StringBuilder();
    int n = 1 + r.nextInt(10);
    for (int i = 0; i < n; i++) {
      s.append(WORD.charAt(i == 0 ? r.nextInt(26) : r.nextInt(WORD.length())));
    }
    return s.toString();
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... items) {
    return items[r.nextInt(items.length)];
  }

  @SafeVarargs
  private static <T> List<T> some(Random r, T... items) {
    List<T> out = new ArrayList<>();
    for (T t : items) {
      if (r.nextBoolean()) {
        out.add(t);
      }
    }
    return out.isEmpty() ? List.of(items[r.nextInt(items.length)]) : out;
  }

  private static <T> List<T> list(Random r, int min, int max, java.util.function.Supplier<T> item) {
    List<T> out = new ArrayList<>();
    int n = min + r.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      out.add(item.get());
    }
    return out;
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
