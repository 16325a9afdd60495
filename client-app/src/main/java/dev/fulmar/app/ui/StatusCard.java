package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Formats;
import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.TunnelModel;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.control.message.Stats;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The status card of an established tunnel: gateway, identities, virtual IPs, DNS, split or full
 * tunnel, connected time, traffic with a live rate graph, and the negotiated algorithms folded
 * away. Every value is what the helper reported in its last {@code state} and {@code stats}
 * events; the clock only advances the "connected for" time between them.
 */
final class StatusCard extends VBox {
  private final TunnelModel tunnel;
  private final Messages m;
  private final Formats f;
  private final Clock clock;
  private final GridPane grid = new GridPane();
  private final GridPane algorithms = new GridPane();
  private final Label elapsed = value("status-elapsed");
  private final Label traffic = value("status-traffic");
  private final Label rate = value("status-rate");
  private final Timeline ticker;

  StatusCard(TunnelModel tunnel, Messages m, Clock clock) {
    this.tunnel = tunnel;
    this.m = m;
    this.f = new Formats(m.locale());
    this.clock = clock;
    getStyleClass().add("card");
    setId("status-card");
    setSpacing(Ui.em(0.6));
    setAccessibleRole(AccessibleRole.PARENT);
    setAccessibleText(m.get("a11y.statusCard"));
    grid.setHgap(Ui.em(1.2));
    grid.setVgap(Ui.em(0.35));
    algorithms.setHgap(Ui.em(1.2));
    algorithms.setVgap(Ui.em(0.35));
    TitledPane fold = new TitledPane(m.get("status.algorithms"), algorithms);
    fold.setExpanded(false);
    fold.setId("algorithms");
    fold.setAccessibleText(m.get("status.algorithms"));
    Label graphTitle = Ui.text(m.get("graph.title"), "card-key");
    Label legendIn = Ui.text("■ " + m.get("graph.legend.in"), "rate-graph-legend-in");
    Label legendOut = Ui.text("■ " + m.get("graph.legend.out"), "rate-graph-legend-out");
    HBox graphHead = new HBox(Ui.em(1), graphTitle, legendIn, legendOut, rate);
    RateGraph graph = new RateGraph(tunnel, m);
    graph.setId("rate-graph");
    VBox.setVgrow(graph, Priority.SOMETIMES);
    getChildren().addAll(grid, graphHead, graph, fold);
    tunnel.statusProperty().addListener((o, a, b) -> showStatus(b));
    tunnel.statsProperty().addListener((o, a, b) -> showStats(b));
    ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
    showStatus(tunnel.status());
    showStats(tunnel.statsProperty().get());
  }

  /** Stops the clock (the window that holds the card goes away). */
  void dispose() {
    ticker.stop();
  }

  private void showStatus(TunnelStatus s) {
    grid.getChildren().clear();
    algorithms.getChildren().clear();
    SessionDetails d = s.session();
    if (s.state() != TunnelState.CONNECTED || d == null) {
      return;
    }
    int r = 0;
    String gw = s.gateway() == null ? d.gatewayAddress() : s.gateway() + "  (" + d.gatewayAddress() + ")";
    row(grid, r++, "status.gateway", gw, "status-gateway");
    row(grid, r++, "status.identity", m.get("status.identity.value", or(d.localIdentity()),
        or(d.remoteIdentity())), "status-identity");
    row(grid, r++, "status.virtualIp", join(d.virtualAddresses()), "status-vip");
    String dns = join(d.dnsServers());
    if (!d.dnsDomains().isEmpty()) {
      dns = m.get("status.dns.domains", dns, String.join(", ", d.dnsDomains()));
    }
    row(grid, r++, "status.dns", dns, "status-dns");
    String routing = d.fullTunnel() ? m.get("status.routing.full")
        : d.splitSubnets().isEmpty() ? m.get("status.routing.splitAnnounced")
        : m.get("status.routing.split", String.join(", ", d.splitSubnets()));
    row(grid, r++, "status.routing", routing, "status-routing");
    addRow(grid, r++, "status.connectedFor", elapsed);
    addRow(grid, r, "status.traffic", traffic);
    int a = 0;
    row(algorithms, a++, "status.alg.ike", or(d.ikeAlgorithms()), "alg-ike");
    row(algorithms, a++, "status.alg.esp", or(d.espAlgorithms()), "alg-esp");
    row(algorithms, a++, "status.alg.keyExchange", join(d.keyExchanges()), "alg-ke");
    row(algorithms, a++, "status.alg.auth", or(d.authMethod()), "alg-auth");
    row(algorithms, a++, "status.alg.certificate", or(d.remoteCertificate()), "alg-cert");
    row(algorithms, a++, "status.alg.nat", or(d.natDetection()), "alg-nat");
    row(algorithms, a, "status.alg.fragmentation",
        m.get(d.fragmentation() ? "status.yes" : "status.no"), "alg-frag");
    tick();
  }

  private void showStats(Stats s) {
    long in = s == null ? 0 : s.bytesIn();
    long out = s == null ? 0 : s.bytesOut();
    traffic.setText(m.get("status.traffic.value", f.bytes(in), f.bytes(out)));
    rate.setText(s == null ? "" : m.get("status.rate", f.rate(s.rateInBytesPerSecond()),
        f.rate(s.rateOutBytesPerSecond())));
  }

  private void tick() {
    TunnelStatus s = tunnel.status();
    if (s.state() == TunnelState.CONNECTED) {
      elapsed.setText(f.elapsed(Duration.ofMillis(clock.millis() - s.sinceMillis())));
    }
  }

  private void row(GridPane g, int r, String key, String text, String id) {
    Label v = value(id);
    v.setText(text);
    addRow(g, r, key, v);
  }

  private void addRow(GridPane g, int r, String key, Label v) {
    Label k = Ui.text(m.get(key), "card-key");
    k.setMinWidth(Label.USE_PREF_SIZE);
    k.setLabelFor(v);
    v.setAccessibleText(m.get(key) + ": " + v.getText());
    v.textProperty().addListener((o, a, b) -> v.setAccessibleText(m.get(key) + ": " + b));
    g.addRow(r, k, v);
    GridPane.setHgrow(v, Priority.ALWAYS);
  }

  private static Label value(String id) {
    Label l = Ui.text("", "card-value");
    l.setId(id);
    return l;
  }

  private String or(String v) {
    return v == null || v.isBlank() ? m.get("status.unknown") : v;
  }

  private String join(List<String> v) {
    return v.isEmpty() ? m.get("status.unknown") : String.join(", ", v);
  }
}
