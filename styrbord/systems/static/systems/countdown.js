/* Ticks Datatilsynet's 72-hour countdown down once a minute.
 *
 * The page is right without this: the server writes the sentence with the time left when
 * the page was made. This keeps it right while the page stays open. The sentence's words
 * come from the server in the current language (data-text-* attributes, with {left},
 * {duration}, {hours}, {minutes} and {count} where the numbers go), so nothing here knows
 * a language. Past 72 hours overdue the server says it in days; the script then leaves
 * the server's sentence alone. The label in front ("Due", "Due soon", "Overdue") changes
 * with it, so the state is said in words, not by colour.
 */
(function () {
  "use strict";

  var MINUTE = 60 * 1000;
  var LONGEST = 72 * 60 * MINUTE;

  function text(element, name) {
    return element.getAttribute("data-text-" + name) || "";
  }

  function unit(element, count, one, other) {
    return text(element, count === 1 ? one : other).replace("{count}", String(count));
  }

  function duration(element, millis) {
    var total = Math.floor(millis / MINUTE);
    var hours = Math.floor(total / 60);
    var minutes = total % 60;
    if (!hours) {
      return unit(element, minutes, "minute", "minutes");
    }
    if (!minutes) {
      return unit(element, hours, "hour", "hours");
    }
    return text(element, "both")
      .replace("{hours}", unit(element, hours, "hour", "hours"))
      .replace("{minutes}", unit(element, minutes, "minute", "minutes"));
  }

  function update(element) {
    var deadline = Date.parse(element.getAttribute("data-deadline"));
    var time = element.querySelector("time");
    var label = element.querySelector("[data-countdown-label]");
    if (isNaN(deadline) || !time || !label) {
      return false;
    }
    var remaining = deadline - Date.now();
    var sentence;
    var state;
    if (remaining > 0) {
      var left = remaining < MINUTE
        ? text(element, "soon")
        : text(element, "left").replace("{duration}", duration(element, remaining));
      sentence = text(element, "due").replace("{left}", left);
      var soon = remaining <= Number(text(element, "soonseconds")) * 1000;
      state = soon ? "labelduesoon" : "labeldue";
    } else if (-remaining < LONGEST) {
      sentence = text(element, "overdue").replace("{duration}", duration(element, -remaining));
      state = "labeloverdue";
    } else {
      return false;
    }
    time.textContent = sentence;
    label.textContent = text(element, state) + ":";
    return true;
  }

  function tick() {
    var elements = document.querySelectorAll("[data-countdown]");
    var going = false;
    Array.prototype.forEach.call(elements, function (element) {
      going = update(element) || going;
    });
    if (going) {
      window.setTimeout(tick, MINUTE - (Date.now() % MINUTE));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", tick);
  } else {
    tick();
  }
})();
