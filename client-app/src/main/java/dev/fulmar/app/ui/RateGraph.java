package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Formats;
import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.RateHistory;
import dev.fulmar.app.model.TunnelModel;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The live rate graph: received (blue, filled) and sent (green, line) bytes per second over the
 * last minute, scaled to the peak, redrawn on every stats event and on resize. For screen readers
 * it is a text with the current rates.
 */
final class RateGraph extends Region {
  static final Color IN = Color.web("#3b82f6");
  static final Color OUT = Color.web("#22a35a");
  private final Canvas canvas = new Canvas();
  private final TunnelModel tunnel;
  private final Messages m;
  private final Formats formats;

  RateGraph(TunnelModel tunnel, Messages m) {
    this.tunnel = tunnel;
    this.m = m;
    this.formats = new Formats(m.locale());
    getChildren().add(canvas);
    getStyleClass().add("rate-graph");
    setMinHeight(Ui.em(3.5));
    setPrefHeight(Ui.em(6.5));
    setAccessibleRole(AccessibleRole.TEXT);
    setFocusTraversable(false);
    tunnel.samplesProperty().addListener((o, a, b) -> redraw());
    widthProperty().addListener((o, a, b) -> redraw());
    heightProperty().addListener((o, a, b) -> redraw());
    redraw();
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
  }

  private void redraw() {
    RateHistory h = tunnel.history();
    long nowIn = h.size() == 0 ? 0 : h.in(h.size() - 1);
    long nowOut = h.size() == 0 ? 0 : h.out(h.size() - 1);
    setAccessibleText(m.get("graph.accessible", formats.rate(nowIn), formats.rate(nowOut)));
    double w = getWidth();
    double ht = getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, Math.max(w, canvas.getWidth()), Math.max(ht, canvas.getHeight()));
    if (w < 4 || ht < 4) {
      return;
    }
    g.setStroke(Color.gray(0.5, 0.35));
    g.setLineWidth(1);
    for (int i = 1; i < 4; i++) {
      double y = Math.floor(ht * i / 4) + 0.5;
      g.strokeLine(0, y, w, y);
    }
    int n = h.size();
    if (n < 2) {
      return;
    }
    double peak = h.peak() * 1.1;
    double step = w / (h.capacity() - 1);
    double x0 = w - (n - 1) * step;
    g.beginPath();
    g.moveTo(x0, ht);
    for (int i = 0; i < n; i++) {
      g.lineTo(x0 + i * step, ht - ht * h.in(i) / peak);
    }
    g.lineTo(x0 + (n - 1) * step, ht);
    g.closePath();
    g.setFill(IN.deriveColor(0, 1, 1, 0.3));
    g.fill();
    g.setStroke(IN);
    g.setLineWidth(1.5);
    strokeSeries(g, h, x0, step, ht, peak, true);
    g.setStroke(OUT);
    strokeSeries(g, h, x0, step, ht, peak, false);
    g.setFill(Color.gray(0.5));
    g.setFont(javafx.scene.text.Font.font(Ui.em(0.8)));
    g.setTextBaseline(javafx.geometry.VPos.TOP);
    g.fillText(formats.rate(h.peak()), 4, 2);
  }

  private static void strokeSeries(GraphicsContext g, RateHistory h, double x0, double step,
      double ht, double peak, boolean in) {
    g.beginPath();
    for (int i = 0; i < h.size(); i++) {
      double y = ht - ht * (in ? h.in(i) : h.out(i)) / peak;
      if (i == 0) {
        g.moveTo(x0, y);
      } else {
        g.lineTo(x0 + i * step, y);
      }
    }
    g.stroke();
  }
}
