package com.publisherdesk.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.publisherdesk.benchmark.OpenLoad.Result;

/** docs/benchmark-latency.png: intake's p99 against the arrival rate (both axes logarithmic), and the framework's. */
final class LatencyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int BOTTOM = 50;

    private final double maxRate;
    private final double maxLatency;

    private LatencyPlot(List<List<Result>> series) {
        this.maxRate = series.stream().flatMap(List::stream).mapToDouble(Result::rate).max().orElse(50);
        this.maxLatency = Math.max(1, series.stream().flatMap(List::stream).mapToDouble(Result::p99Millis).max()
                .orElse(1));
    }

    /** Draws the intake with the desk working, intake alone and the framework into {@code file}. */
    static void write(RunFigures figures, Path file) throws IOException {
        LatencyPlot plot = new LatencyPlot(List.of(figures.intake, figures.intakeAlone, figures.framework));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.DARK_GRAY);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - 30, HEIGHT - BOTTOM);
        g.drawLine(LEFT, 30, LEFT, HEIGHT - BOTTOM);
        g.drawString("arrival rate (requests/s, log)", WIDTH / 2 - 80, HEIGHT - 15);
        g.drawString("p99 latency (ms, log)", 5, 20);
        plot.series(g, figures.intake, new Color(200, 60, 40), "intake p99, desk working", 0);
        plot.series(g, figures.intakeAlone, new Color(230, 150, 20), "intake p99, alone", 1);
        plot.series(g, figures.framework, new Color(40, 90, 200), "framework p99", 2);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private void series(Graphics2D g, List<Result> results, Color color, String label, int index) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2));
        int previousX = -1;
        int previousY = -1;
        for (Result result : results) {
            int x = x(result.rate());
            int y = y(result.p99Millis());
            g.fillOval(x - 4, y - 4, 8, 8);
            g.drawString(String.format(Locale.ROOT, "%.0f", result.p99Millis()), x + 6, y - 6);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
        g.drawString(label, LEFT + 20, 40 + 20 * index);
        g.setColor(Color.GRAY);
        for (Result result : results) {
            g.drawString(String.format(Locale.ROOT, "%.0f", result.rate()), x(result.rate()) - 10,
                    HEIGHT - BOTTOM + 15);
        }
    }

    private int x(double rate) {
        double scaled = Math.log(rate / Ladder.FIRST_RATE) / Math.log(Math.max(2, maxRate / Ladder.FIRST_RATE));
        return LEFT + 20 + (int) ((WIDTH - LEFT - 70) * scaled);
    }

    private int y(double millis) {
        double scaled = Math.log10(Math.max(0.1, millis) * 10) / Math.log10(maxLatency * 10);
        return HEIGHT - BOTTOM - (int) ((HEIGHT - BOTTOM - 40) * scaled);
    }
}
