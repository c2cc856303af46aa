// Heard's script: only the GOV.UK components the pages use, plus an exit that
// replaces the current history entry so Back does not return to a form, and
// leaves a marker the server honours if the exit itself never arrives.
import { Button, CharacterCount, Checkboxes, ErrorSummary, ExitThisPage, NotificationBanner, PasswordInput, Radios, ServiceNavigation, SkipLink } from 'govuk-frontend'
import { ScrollHint } from './heard/scroll-hint.mjs'
import { TimeoutWarning } from './heard/timeout-warning.mjs'

class HeardExitThisPage extends ExitThisPage {
  exitPage () {
    if (!this.$updateSpan) {
      return
    }
    this.$updateSpan.textContent = ''
    document.body.classList.add('govuk-exit-this-page-hide-content')
    this.$overlay = document.createElement('div')
    this.$overlay.className = 'govuk-exit-this-page-overlay'
    this.$overlay.setAttribute('role', 'alert')
    document.body.appendChild(this.$overlay)
    this.$overlay.textContent = this.i18n.t('activated')
    this.exited = true
    leaveExitMarker()
    // replace, not assign: the page being filled in leaves the history.
    window.location.replace(this.$button.href)
  }

  resetPage (event) {
    // Back-forward cache: never show a page again after an exit; fetch it anew.
    if (this.exited || (event && event.persisted)) {
      window.location.reload()
      return
    }
    super.resetPage()
  }
}

// With no signal the request to /exit never reaches Heard. This cookie (no
// Max-Age: gone when the browser closes) goes with the next request instead,
// whenever that is, and Heard ends the session before showing anything
// (webapp/journeys.py: honour_exit_marker). It holds nothing but "1".
function leaveExitMarker () {
  const secure = window.location.protocol === 'https:' ? '; Secure' : ''
  document.cookie = 'heard_exit=1; Path=/; SameSite=Strict' + secure
}

// GOV.UK's Radios reveal a conditional question and mark the radio aria-expanded,
// which ARIA does not allow on a radio (axe: aria-allowed-attr). Keep the reveal and
// aria-controls; drop aria-expanded.
class HeardRadios extends Radios {
  syncConditionalRevealWithInputState ($input) {
    super.syncConditionalRevealWithInputState($input)
    $input.removeAttribute('aria-expanded')
  }
}

function initAll () {
  document.body.classList.add('js-enabled', 'govuk-frontend-supported')
  const $exit = document.querySelector('[data-module="govuk-exit-this-page"]')
  if ($exit) {
    new HeardExitThisPage($exit) // eslint-disable-line no-new
  }
  const components = [
    [Button, '[data-module="govuk-button"]'],
    [CharacterCount, '[data-module="govuk-character-count"]'],
    // Radios and Checkboxes reveal conditional questions ("Another service": which one?);
    // without them the stylesheet keeps those questions hidden once the script runs.
    [Checkboxes, '[data-module="govuk-checkboxes"]'],
    [ErrorSummary, '[data-module="govuk-error-summary"]'],
    [NotificationBanner, '[data-module="govuk-notification-banner"]'],
    [PasswordInput, '[data-module="govuk-password-input"]'],
    [HeardRadios, '[data-module="govuk-radios"]'],
    // The staff menu folds behind a Menu button on a phone (the public header has no menu).
    [ServiceNavigation, '[data-module="govuk-service-navigation"]'],
    [SkipLink, '[data-module="govuk-skip-link"]'],
    [TimeoutWarning, '[data-module="heard-timeout-warning"]'],
    // Wide tables: a cue to scroll sideways, shown only while the table is wider than the page.
    [ScrollHint, '[data-module="heard-scroll-hint"]']
  ]
  for (const [Component, selector] of components) {
    document.querySelectorAll(selector).forEach(($el) => new Component($el))
  }
}

initAll()
