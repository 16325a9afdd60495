package dev.fulmar.app.ui;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.model.ProfileEntry;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import java.time.Clock;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The main part of the window: the helper's state as a headline, the one large Connect /
 * Disconnect button, notices, and below them whichever applies: the helper problem, the welcome
 * for a first run, the failure, or the status card of the running tunnel.
 */
final class StatusPane extends VBox {
  private final AppState state;
  private final AppController controller;
  private final Messages m;
  private final Circle dot = new Circle(Ui.em(0.55));
  private final Label headline = Ui.text("", "headline");
  private final Label subline = Ui.text("", "subline");
  private final Button connect = new Button();
  private final Clock clock;
  private final Runnable importer;
  private HelperPane helperPane;
  private FailurePane failurePane;
  private StatusCard card;
  private WelcomePane welcome;
  private final StackPane content = new StackPane();

  StatusPane(AppState state, AppController controller, Messages m, Clock clock, Runnable importer) {
    this.state = state;
    this.controller = controller;
    this.m = m;
    getStyleClass().add("main");
    dot.getStyleClass().add("state-dot");
    headline.setId("headline");
    headline.setAccessibleRole(AccessibleRole.TEXT);
    subline.setId("subline");
    connect.setId("connect");
    connect.getStyleClass().addAll("connect-button", "accent");
    connect.setDefaultButton(true);
    connect.setOnAction(e -> controller.toggle());
    this.clock = clock;
    this.importer = importer;
    content.setAlignment(javafx.geometry.Pos.TOP_LEFT);
    HBox head = new HBox(Ui.em(0.8), dot, new VBox(Ui.em(0.2), headline, subline));
    head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    getChildren().addAll(head, connect, new NoticeBar(m, state.noticeProperty()), scroll);
    InvalidationListener refresh = this::refresh;
    state.availabilityProperty().addListener(refresh);
    state.tunnel().statusProperty().addListener(refresh);
    state.tunnel().knownProperty().addListener(refresh);
    state.selectedProperty().addListener(refresh);
    state.actionPendingProperty().addListener(refresh);
    state.profiles().entries().addListener(refresh);
    state.profiles().loadedProperty().addListener(refresh);
    refresh(null);
  }

  void dispose() {
    if (card != null) {
      card.dispose();
    }
  }

  private void refresh(Observable ignored) {
    Availability a = state.availability();
    boolean ready = a == Availability.READY && state.tunnel().isKnown();
    TunnelStatus s = state.tunnel().status();
    TunnelState t = ready ? s.state() : TunnelState.DISCONNECTED;
    ProfileEntry sel = state.selectedProperty().get();
    String name = s.profile() != null && ready && t != TunnelState.DISCONNECTED ? s.profile()
        : sel == null ? "" : sel.name();
    headline.setText(m.get("headline." + t.name(), name));
    subline.setText(a == Availability.READY ? subline(t, s, name) : "");
    dot.getStyleClass().removeAll("connected", "connecting", "error");
    switch (t) {
      case CONNECTED -> dot.getStyleClass().add("connected");
      case CONNECTING, RECONNECTING, DISCONNECTING -> dot.getStyleClass().add("connecting");
      case ERROR -> dot.getStyleClass().add("error");
      default -> { }
    }
    updateButton(ready, t, name, sel);
    boolean helperProblem = a != Availability.READY;
    if (helperProblem) {
      helper().show(a, state.availabilityMessageProperty().get(), state.peerUserProperty().get());
    }
    show(helperPane, helperProblem);
    boolean empty = state.profiles().entries().isEmpty() && state.profiles().loadedProperty().get();
    show(empty && a == Availability.READY && t == TunnelState.DISCONNECTED ? welcome() : welcome,
        a == Availability.READY && empty && t == TunnelState.DISCONNECTED);
    boolean failed = ready && t == TunnelState.ERROR && s.failure() != null;
    if (failed) {
      failure().show(headline.getText(), s.failure());
    }
    show(failurePane, failed);
    boolean up = ready && t == TunnelState.CONNECTED && s.session() != null;
    show(up ? card() : card, up);
    setAccessibleText(headline.getText() + ". " + subline.getText());
  }

  private String subline(TunnelState t, TunnelStatus s, String name) {
    String gw = s.gateway() == null ? name : s.gateway();
    return switch (t) {
      case CONNECTING -> m.get("subline.CONNECTING", gw);
      case RECONNECTING -> s.failure() == null ? m.get("subline.RECONNECTING", gw)
          : m.get("subline.RECONNECTING.why", gw, new FailureTexts(m).reason(s.failure()));
      case ERROR -> s.failure() == null ? "" : m.get("subline.ERROR",
          new FailureTexts(m).step(s.failure().step()));
      default -> m.get("subline." + t.name());
    };
  }

  private void updateButton(boolean ready, TunnelState t, String name, ProfileEntry sel) {
    connect.getStyleClass().removeAll("accent", "danger");
    switch (t) {
      case CONNECTED -> {
        connect.setText(m.get("action.disconnect"));
        connect.setAccessibleText(m.get("a11y.connectButton.disconnect", name));
        connect.setDisable(!ready || state.actionPendingProperty().get());
      }
      case CONNECTING, RECONNECTING -> {
        connect.setText(m.get("action.cancelConnect"));
        connect.setAccessibleText(m.get("a11y.connectButton.disconnect", name));
        connect.setDisable(!ready);
      }
      case DISCONNECTING -> {
        connect.setText(m.get("action.disconnecting"));
        connect.setDisable(true);
      }
      default -> {
        connect.setText(m.get("action.connect"));
        connect.getStyleClass().add("accent");
        connect.setAccessibleText(m.get("a11y.connectButton.connect", name));
        connect.setDisable(!ready || sel == null || state.actionPendingProperty().get());
      }
    }
  }

  // the panes below the button are built when first needed: the first window shows sooner

  private HelperPane helper() {
    if (helperPane == null) {
      helperPane = add(new HelperPane(m, controller::retryHelper,
          System.getProperty("os.name", "")));
    }
    return helperPane;
  }

  private WelcomePane welcome() {
    if (welcome == null) {
      welcome = add(new WelcomePane(m, state, importer, controller::startDemo));
    }
    return welcome;
  }

  private FailurePane failure() {
    if (failurePane == null) {
      failurePane = add(new FailurePane(m));
    }
    return failurePane;
  }

  private StatusCard card() {
    if (card == null) {
      card = add(new StatusCard(state.tunnel(), m, clock));
    }
    return card;
  }

  private <T extends javafx.scene.Node> T add(T n) {
    content.getChildren().add(n);
    return n;
  }

  private static void show(javafx.scene.Node n, boolean visible) {
    if (n != null) {
      n.setVisible(visible);
      n.setManaged(visible);
    }
  }
}
