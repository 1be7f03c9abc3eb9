package io.github.mistralobs.observability.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a scrape against the grammar of the Prometheus text exposition format (version
 * 0.0.4): every line is a {@code # HELP}, a {@code # TYPE} or a sample whose name, label
 * names, quoted and escaped label values and value are well formed, and no series appears
 * twice.
 */
public final class ExpositionFormat {

	private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";

	private static final String LABEL_NAME = "[a-zA-Z_][a-zA-Z0-9_]*";

	private static final String LABEL_VALUE = "(?:[^\"\\\\\\n]++|\\\\[\\\\\"n])*+";

	private static final String LABEL = LABEL_NAME + "=\"" + LABEL_VALUE + "\"";

	private static final String VALUE = "(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?Inf|NaN)";

	private static final Pattern HELP = Pattern.compile("# HELP " + NAME + "(?: (?:[^\\\\\\n]++|\\\\[\\\\n])*+)?");

	private static final Pattern TYPE = Pattern
		.compile("# TYPE " + NAME + " (?:counter|gauge|histogram|summary|untyped)");

	private static final Pattern SAMPLE = Pattern
		.compile("(" + NAME + ")(\\{(?:" + LABEL + "(?:," + LABEL + ")*,?)?\\})? " + VALUE + "(?: -?\\d+)?");

	private ExpositionFormat() {
	}

	/**
	 * Return every violation of the format in a scrape.
	 * @param text the exposition text
	 * @return the lines that break the grammar, and the series that appear twice
	 */
	public static List<String> violations(String text) {
		List<String> violations = new ArrayList<>();
		Set<String> series = new HashSet<>();
		if (!text.endsWith("\n")) {
			violations.add("the last line does not end with a line feed");
		}
		for (String line : text.split("\n", -1)) {
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("#")) {
				if (!HELP.matcher(line).matches() && !TYPE.matcher(line).matches()) {
					violations.add("comment: " + line);
				}
				continue;
			}
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.matches()) {
				violations.add("sample: " + line);
			}
			else if (!series.add(sample.group(1) + ((sample.group(2) != null) ? sample.group(2) : ""))) {
				violations.add("series twice: " + line);
			}
		}
		return violations;
	}

}
