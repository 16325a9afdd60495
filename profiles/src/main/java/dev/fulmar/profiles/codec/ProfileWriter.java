package dev.fulmar.profiles.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Bytes;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.UnknownField;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** Writes a {@link Profile} as a version-1 {@code .vpn} document; secrets only when given. */
final class ProfileWriter {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final JsonGenerator g;
  private final List<UnknownField> unknown;
  private final SecretBundle secrets;

  private ProfileWriter(JsonGenerator g, Profile p, SecretBundle secrets) {
    this.g = g;
    this.unknown = p.unknownFields();
    this.secrets = secrets;
  }

  static String write(Profile p, SecretBundle secrets) {
    StringWriter w = new StringWriter();
    Separators seps =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter(seps)
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = FACTORY.createGenerator(w).setPrettyPrinter(pp)) {
      new ProfileWriter(g, p, secrets).profile(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString() + "\n";
  }

  private void profile(Profile p) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", ProfileReader.FORMAT);
    g.writeNumberField("version", ProfileReader.VERSION);
    g.writeStringField("id", p.id().toString());
    g.writeStringField("name", p.name());
    if (!p.gateways().isEmpty()) {
      g.writeFieldName("gateway");
      gateway(p.gateways().get(0), "gateway");
    }
    if (p.gateways().size() > 1) {
      g.writeArrayFieldStart("fallbackGateways");
      for (int i = 1; i < p.gateways().size(); i++) {
        gateway(p.gateways().get(i), "fallbackGateways[" + (i - 1) + "]");
      }
      g.writeEndArray();
    }
    optional("localId", p.localId() == null ? null : p.localId().toString());
    optional("remoteId", p.remoteId() == null ? null : p.remoteId().toString());
    trust(p);
    g.writeFieldName("auth");
    auth(p.auth(), "auth");
    g.writeObjectFieldStart("proposals");
    strings("ike", p.proposals().ike(), Object::toString);
    strings("esp", p.proposals().esp(), Object::toString);
    close("proposals");
    sections(p);
    close("");
  }

  private void sections(Profile p) throws IOException {
    g.writeObjectFieldStart("tunnel");
    g.writeStringField("mode", p.routing().mode().keyword());
    strings("include", p.routing().include(), Object::toString);
    strings("exclude", p.routing().exclude(), Object::toString);
    close("tunnel");
    g.writeObjectFieldStart("dns");
    strings("servers", p.dns().servers(), Object::toString);
    strings("splitDomains", p.dns().splitDomains(), Function.identity());
    strings("searchDomains", p.dns().searchDomains(), Function.identity());
    close("dns");
    g.writeObjectFieldStart("timers");
    g.writeNumberField("dpd", p.timers().dpdInterval().toSeconds());
    g.writeNumberField("natKeepalive", p.timers().natKeepalive().toSeconds());
    g.writeNumberField("ikeLifetime", p.timers().ikeLifetime().toSeconds());
    g.writeNumberField("childLifetime", p.timers().childLifetime().toSeconds());
    close("timers");
    g.writeObjectFieldStart("transport");
    g.writeBooleanField("mobike", p.transport().mobike());
    g.writeBooleanField("fragmentation", p.transport().fragmentation());
    g.writeBooleanField("forceEncapsulation", p.transport().forceEncapsulation());
    if (p.transport().mtu() != null) {
      g.writeNumberField("mtu", p.transport().mtu());
    }
    close("transport");
    g.writeObjectFieldStart("killSwitch");
    g.writeBooleanField("enabled", p.killSwitch().enabled());
    g.writeBooleanField("allowLan", p.killSwitch().allowLan());
    close("killSwitch");
    g.writeBooleanField("autoConnect", p.autoConnect());
    g.writeObjectFieldStart("trustedNetworks");
    strings("ssids", p.trustedNetworks().ssids(), Function.identity());
    strings("dnsSuffixes", p.trustedNetworks().dnsSuffixes(), Function.identity());
    close("trustedNetworks");
    g.writeObjectFieldStart("appearance");
    optional("icon", p.appearance().icon());
    optional("colour", p.appearance().colour());
    close("appearance");
    g.writeObjectFieldStart("diagnostics");
    optional("keyLog", p.diagnostics().keyLogPath());
    close("diagnostics");
  }

  private void gateway(Gateway gw, String path) throws IOException {
    g.writeStartObject();
    g.writeStringField("host", gw.host());
    g.writeNumberField("port", gw.port());
    close(path);
  }

  private void trust(Profile p) throws IOException {
    g.writeObjectFieldStart("trust");
    g.writeArrayFieldStart("caCertificates");
    List<CaCertificate> cas = p.trust().caCertificates();
    for (int i = 0; i < cas.size(); i++) {
      g.writeStartObject();
      if (cas.get(i) instanceof CaCertificate.Pem pem) {
        g.writeStringField("pem", pem.pem());
      } else {
        g.writeStringField("path", ((CaCertificate.FileRef) cas.get(i)).path());
      }
      close("trust.caCertificates[" + i + "]");
    }
    g.writeEndArray();
    strings("serverCertSha256", p.trust().serverCertificatePins(), Bytes::toHex);
    g.writeBooleanField("systemTrustStore", p.trust().useSystemTrustStore());
    close("trust");
  }

  private void auth(Authentication a, String path) throws IOException {
    g.writeStartObject();
    g.writeStringField("method", a.method());
    if (a instanceof Authentication.PasswordEap pe) {
      optional("username", pe.username());
      secret("password", SecretKind.EAP_PASSWORD);
    } else if (a instanceof Authentication.EapTls tls) {
      pkcs12(tls.certificate(), path);
      optional("identity", tls.identity());
    } else if (a instanceof Authentication.Certificate c) {
      pkcs12(c.certificate(), path);
    } else if (a instanceof Authentication.Psk) {
      secret("psk", SecretKind.PSK);
    } else if (a instanceof Authentication.CertificateThenEap ce) {
      pkcs12(ce.certificate(), path);
      g.writeFieldName("eap");
      auth(ce.eap(), path + ".eap");
    }
    close(path);
  }

  private void pkcs12(Pkcs12 p12, String parent) throws IOException {
    if (p12 != null) {
      g.writeObjectFieldStart("pkcs12");
      if (p12 instanceof Pkcs12.Embedded e) {
        g.writeStringField("data", e.data().toBase64());
      } else {
        g.writeStringField("path", ((Pkcs12.FileRef) p12).path());
      }
      close(parent + ".pkcs12");
    }
    secret("pkcs12Password", SecretKind.PKCS12_PASSWORD);
  }

  private void secret(String field, SecretKind kind) throws IOException {
    char[] value = secrets == null ? null : secrets.get(kind);
    if (value != null) {
      g.writeStringField(field, new String(value));
      java.util.Arrays.fill(value, '\0');
    }
  }

  private void optional(String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private <T> void strings(String field, List<T> items, Function<T, String> text)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (T item : items) {
      g.writeString(text.apply(item));
    }
    g.writeEndArray();
  }

  /** Writes the unknown fields kept for {@code path}, then ends the object. */
  private void close(String path) throws IOException {
    for (UnknownField u : unknown) {
      if (u.parentPath().equals(path)) {
        g.writeFieldName(u.name());
        g.writeRawValue(u.rawJson());
      }
    }
    g.writeEndObject();
  }
}
