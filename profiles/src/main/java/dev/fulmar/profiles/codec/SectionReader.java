package dev.fulmar.profiles.codec;

import dev.fulmar.profiles.model.Appearance;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.Bytes;
import dev.fulmar.profiles.model.Diagnostics;
import dev.fulmar.profiles.model.Dns;
import dev.fulmar.profiles.model.IpAddress;
import dev.fulmar.profiles.model.KillSwitch;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import dev.fulmar.profiles.model.Timers;
import dev.fulmar.profiles.model.Transport;
import dev.fulmar.profiles.model.TrustedNetworks;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the sections of a {@code .vpn} file after the gateway, identities and trust. */
final class SectionReader {
  private static final long MAX_SECONDS = 7L * 24 * 3600;
  private final Collector out;
  private final SecretBundle secrets;

  SectionReader(Collector out, SecretBundle secrets) {
    this.out = out;
    this.secrets = secrets;
  }

  void readSections(ObjReader r, Profile.Builder b) {
    ObjReader auth = r.object("auth");
    Authentication read = null;
    if (auth == null) {
      if (r.isAbsent("auth")) {
        r.missing(
            "auth", "how you sign in, e.g. {\"method\": \"eap-mschapv2\", \"username\": \"jdoe\"}");
      }
    } else {
      read = auth(auth, false);
    }
    // an unusable auth section has been reported; a placeholder lets the rest be validated
    b.auth(read != null ? read : new Authentication.Psk());
    routing(r.object("tunnel"), b);
    dns(r.object("dns"), b);
    timers(r.object("timers"), b);
    transport(r.object("transport"), b);
    ObjReader ks = r.object("killSwitch");
    if (ks != null) {
      Boolean on = ks.bool("enabled");
      Boolean lan = ks.bool("allowLan");
      ks.finish();
      b.killSwitch(new KillSwitch(on != null && on, lan == null || lan));
    }
    Boolean auto = r.bool("autoConnect");
    b.autoConnect(auto != null && auto);
    ObjReader tn = r.object("trustedNetworks");
    if (tn != null) {
      b.trustedNetworks(new TrustedNetworks(tn.strings("ssids"), tn.strings("dnsSuffixes")));
      tn.finish();
    }
    ObjReader ap = r.object("appearance");
    if (ap != null) {
      b.appearance(new Appearance(ap.string("icon"), ap.string("colour")));
      ap.finish();
    }
    ObjReader dg = r.object("diagnostics");
    if (dg != null) {
      b.diagnostics(new Diagnostics(dg.string("keyLog")));
      dg.finish();
    }
  }

  /** The auth section; {@code nested} for the EAP round of certificate+eap. */
  private Authentication auth(ObjReader a, boolean nested) {
    String method = a.string("method");
    Authentication result = null;
    if (method == null) {
      if (a.isAbsent("method")) {
        a.missing(
            "method",
            "one of eap-mschapv2, eap-tls, eap-gtc, eap-md5, certificate, psk, certificate+eap");
      }
    } else {
      result = authMethod(a, method, nested);
    }
    a.finish();
    return result;
  }

  private Authentication authMethod(ObjReader a, String method, boolean nested) {
    EapMethod eap = EapMethod.byKeyword(method);
    if (eap != null && eap.usesPassword()) {
      secret(a, "password", SecretKind.EAP_PASSWORD);
      return new Authentication.PasswordEap(eap, a.string("username"));
    }
    if (!nested) {
      switch (method) {
        case "eap-tls" -> {
          return new Authentication.EapTls(pkcs12(a), a.string("identity"));
        }
        case "certificate" -> {
          return new Authentication.Certificate(pkcs12(a));
        }
        case "psk" -> {
          secret(a, "psk", SecretKind.PSK);
          return new Authentication.Psk();
        }
        case "certificate+eap" -> {
          Pkcs12 p12 = pkcs12(a);
          ObjReader e = a.object("eap");
          Authentication second = e == null ? null : auth(e, true);
          if (e == null && a.isAbsent("eap")) {
            a.missing(
                "eap",
                "the EAP round, e.g. {\"method\": \"eap-mschapv2\", \"username\": \"jdoe\"}");
          }
          return second instanceof Authentication.PasswordEap pe
              ? new Authentication.CertificateThenEap(p12, pe)
              : null;
        }
        default -> {}
      }
    }
    String allowed =
        nested
            ? "eap-mschapv2, eap-gtc or eap-md5"
            : "eap-mschapv2, eap-tls, eap-gtc, eap-md5, certificate, psk or certificate+eap";
    out.error(
        a.child("method"),
        out.locate(a.child("method")),
        "'" + method + "' is not an authentication method here (use " + allowed + ")");
    return null;
  }

  private Pkcs12 pkcs12(ObjReader a) {
    secret(a, "pkcs12Password", SecretKind.PKCS12_PASSWORD);
    ObjReader p = a.object("pkcs12");
    if (p == null) {
      return null;
    }
    String data = p.string("data");
    String path = p.string("path");
    p.finish();
    if ((data == null) == (path == null)) {
      out.error(
          p.path,
          p.obj.location(),
          "give either \"data\" (base64 PKCS#12) or \"path\" (a .p12 file), not both or neither");
      return null;
    }
    if (path != null) {
      return new Pkcs12.FileRef(path);
    }
    try {
      return new Pkcs12.Embedded(Bytes.fromBase64(data));
    } catch (IllegalArgumentException e) {
      out.error(p.child("data"), out.locate(p.child("data")), "is not valid base64");
      return null;
    }
  }

  private void secret(ObjReader a, String name, SecretKind kind) {
    String value = a.string(name);
    if (value != null) {
      secrets.put(kind, value.toCharArray());
    }
  }

  private void routing(ObjReader t, Profile.Builder b) {
    if (t == null) {
      return;
    }
    String mode = t.string("mode");
    Routing.Mode m = Routing.Mode.FULL;
    if ("split".equals(mode)) {
      m = Routing.Mode.SPLIT;
    } else if (mode != null && !"full".equals(mode)) {
      out.error(
          t.child("mode"),
          out.locate(t.child("mode")),
          "'" + mode + "' is not a tunnel mode (use \"full\" or \"split\")");
    }
    List<Subnet> include = subnets(t, "include");
    List<Subnet> exclude = subnets(t, "exclude");
    t.finish();
    b.routing(new Routing(m, include, exclude));
  }

  private List<Subnet> subnets(ObjReader t, String name) {
    List<String> texts = t.strings(name);
    List<Subnet> result = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Subnet.Result s = Subnet.parse(texts.get(i).strip());
      String path = t.child(name) + "[" + i + "]";
      if (s.subnet() == null) {
        out.error(path, out.locate(path), s.error());
      } else {
        result.add(s.subnet());
      }
    }
    return result;
  }

  private void dns(ObjReader d, Profile.Builder b) {
    if (d == null) {
      return;
    }
    List<String> texts = d.strings("servers");
    List<IpAddress> servers = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String path = d.child("servers") + "[" + i + "]";
      String text = texts.get(i);
      IpAddress.parse(text.strip())
          .ifPresentOrElse(
              servers::add,
              () -> out.error(path, out.locate(path), "'" + text + "' is not an IP address"));
    }
    b.dns(new Dns(servers, d.strings("splitDomains"), d.strings("searchDomains")));
    d.finish();
  }

  private void timers(ObjReader t, Profile.Builder b) {
    if (t == null) {
      return;
    }
    Timers d = Timers.DEFAULTS;
    b.timers(
        new Timers(
            seconds(t, "dpd", d.dpdInterval()), seconds(t, "natKeepalive", d.natKeepalive()),
            seconds(t, "ikeLifetime", d.ikeLifetime()),
                seconds(t, "childLifetime", d.childLifetime())));
    t.finish();
  }

  private static Duration seconds(ObjReader t, String name, Duration fallback) {
    Long s = t.integer(name, 0, MAX_SECONDS);
    return s == null ? fallback : Duration.ofSeconds(s);
  }

  private void transport(ObjReader t, Profile.Builder b) {
    if (t == null) {
      return;
    }
    Transport d = Transport.DEFAULTS;
    Boolean mobike = t.bool("mobike");
    Boolean frag = t.bool("fragmentation");
    Boolean encap = t.bool("forceEncapsulation");
    Long mtu = t.integer("mtu", 0, 65535);
    t.finish();
    b.transport(
        new Transport(
            mobike == null ? d.mobike() : mobike,
            frag == null ? d.fragmentation() : frag,
            encap == null ? d.forceEncapsulation() : encap,
            mtu == null ? null : mtu.intValue()));
  }
}
