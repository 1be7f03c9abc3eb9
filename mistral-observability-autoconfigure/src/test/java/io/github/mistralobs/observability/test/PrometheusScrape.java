package io.github.mistralobs.observability.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of one scrape in the Prometheus text format, read back by name and labels.
 */
public final class PrometheusScrape {

	private final String text;

	private final List<Sample> samples;

	private PrometheusScrape(String text, List<Sample> samples) {
		this.text = text;
		this.samples = samples;
	}

	/**
	 * Parse a scrape.
	 * @param text the exposition text
	 * @return the parsed scrape
	 */
	public static PrometheusScrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			samples.add(Sample.parse(line));
		}
		return new PrometheusScrape(text, samples);
	}

	public String text() {
		return this.text;
	}

	/**
	 * Return the value of the one sample with this name whose labels include the given
	 * ones, or zero if there is none.
	 * @param name the sample name
	 * @param labels label names and values, alternating
	 * @return the value
	 */
	public double value(String name, String... labels) {
		List<Sample> matching = matching(name, labels);
		if (matching.size() > 1) {
			throw new IllegalStateException(
					"More than one sample matches " + name + " " + List.of(labels) + ": " + matching);
		}
		return matching.isEmpty() ? 0 : matching.get(0).value();
	}

	/**
	 * Return the sum of the values of every sample with this name whose labels include
	 * the given ones.
	 */
	public double sum(String name, String... labels) {
		return matching(name, labels).stream().mapToDouble(Sample::value).sum();
	}

	/**
	 * Return every sample with this name whose labels include the given ones.
	 */
	public List<Sample> matching(String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(wanted.entrySet()))
			.toList();
	}

	/**
	 * One sample.
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

		static Sample parse(String line) {
			int brace = line.indexOf('{');
			int space = line.lastIndexOf(' ');
			if (brace < 0 || brace > space) {
				return new Sample(line.substring(0, space), Map.of(), Double.parseDouble(line.substring(space + 1)));
			}
			int close = line.lastIndexOf('}');
			Map<String, String> labels = parseLabels(line.substring(brace + 1, close));
			String valuePart = line.substring(close + 1).trim().split(" ")[0];
			return new Sample(line.substring(0, brace), labels, Double.parseDouble(valuePart));
		}

		private static Map<String, String> parseLabels(String text) {
			Map<String, String> labels = new TreeMap<>();
			int i = 0;
			while (i < text.length()) {
				int equals = text.indexOf('=', i);
				String key = text.substring(i, equals).trim();
				StringBuilder value = new StringBuilder();
				int j = equals + 2;
				while (text.charAt(j) != '"') {
					char c = text.charAt(j);
					if (c == '\\') {
						char next = text.charAt(++j);
						value.append((next == 'n') ? '\n' : next);
					}
					else {
						value.append(c);
					}
					j++;
				}
				labels.put(key, value.toString());
				i = j + 1;
				if (i < text.length() && text.charAt(i) == ',') {
					i++;
				}
			}
			return labels;
		}

	}

}
