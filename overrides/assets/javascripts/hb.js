/* Keyboard access to Material's navigation drawer and search (WCAG 2.1.1, 2.4.3, 4.1.2).
 *
 * Material opens both with hidden checkboxes (#__drawer, #__search) toggled by <label for>,
 * which a keyboard cannot reach. overrides/partials/header.html renders <button data-hb-for>
 * instead; here each button clicks its checkbox (Material's CSS and JS react to that as
 * before) and reports the state with aria-expanded. The drawer takes focus when it opens,
 * closes with Escape (focus back on its button) and closes when focus leaves it, so no
 * focus lands on the page behind the overlay.
 */
(function () {
  "use strict";

  function toggleOf(button) {
    return document.getElementById(button.getAttribute("data-hb-for"));
  }

  function buttonsFor(id) {
    return document.querySelectorAll('button[data-hb-for="' + id + '"]');
  }

  function sync() {
    document.querySelectorAll("button[data-hb-for]").forEach(function (button) {
      var toggle = toggleOf(button);
      button.setAttribute("aria-expanded", toggle && toggle.checked ? "true" : "false");
    });
  }

  function drawer() {
    return document.getElementById("__drawer");
  }

  function sidebar() {
    return document.querySelector(".md-sidebar--primary");
  }

  function drawerIsModal() {
    var bar = sidebar();
    return bar && getComputedStyle(bar).position === "fixed";
  }

  function closeDrawer(returnFocus) {
    var toggle = drawer();
    if (toggle && toggle.checked) {
      toggle.click();
      if (returnFocus && buttonsFor("__drawer")[0]) buttonsFor("__drawer")[0].focus();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-hb-for]");
    if (!button) return;
    var toggle = toggleOf(button);
    if (!toggle) return;
    toggle.click();
    sync();
    if (toggle.id === "__drawer" && toggle.checked && drawerIsModal()) {
      var first = sidebar().querySelector("a[href], label[tabindex]");
      if (first) first.focus();
    }
    if (toggle.id === "__search" && toggle.checked) {
      var input = document.querySelector(".md-search__input");
      if (input) input.focus();
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("md-toggle")) sync();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer() && drawer().checked && drawerIsModal()) {
      closeDrawer(true);
    }
  });

  document.addEventListener("focusin", function (event) {
    var toggle = drawer();
    var bar = sidebar();
    if (!toggle || !toggle.checked || !bar || !drawerIsModal()) return;
    if (bar.contains(event.target) || event.target.closest("button[data-hb-for]")) return;
    closeDrawer(false);
  });

  sync();
})();
