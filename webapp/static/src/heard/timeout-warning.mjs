// The GOV.UK timeout-warning pattern for staff pages. The server signs staff
// out after `data-idle-seconds` without a request. `data-warn-seconds` before
// that, a modal dialog says so and counts down; "Stay signed in" (or Escape)
// asks the server to keep the session and starts the clock again. If the time
// runs out, the dialog says so but the page stays as it is: nothing typed is
// thrown away, and a form sent after the time-out is kept for the person to
// send again once they have signed in (webapp/staff/resume.py).

export class TimeoutWarning {
  constructor ($dialog) {
    this.$dialog = $dialog
    this.idle = Number($dialog.dataset.idleSeconds) * 1000
    this.warn = Number($dialog.dataset.warnSeconds) * 1000
    this.keepAliveUrl = $dialog.dataset.keepAliveUrl
    this.$countdown = $dialog.querySelector('.heard-timeout-dialog__countdown')
    this.$heading = $dialog.querySelector('h2')
    this.$stay = $dialog.querySelector('.heard-timeout-dialog__stay')
    if (!this.idle || !this.$countdown || typeof $dialog.showModal !== 'function') {
      return
    }
    this.$stay.addEventListener('click', () => this.stay())
    $dialog.addEventListener('cancel', (event) => {
      event.preventDefault() // Escape means "stay signed in", as the button does
      this.stay()
    })
    this.start()
  }

  start () {
    this.signOutAt = Date.now() + this.idle
    clearTimeout(this.warnTimer)
    clearInterval(this.tick)
    this.warnTimer = setTimeout(() => this.open(), Math.max(this.idle - this.warn, 0))
  }

  open () {
    if (!this.$dialog.open) {
      this.$dialog.showModal()
    }
    this.$heading.focus()
    this.update()
    this.tick = setInterval(() => this.update(), 1000)
  }

  update () {
    const left = Math.max(0, Math.round((this.signOutAt - Date.now()) / 1000))
    if (left === 0) {
      clearInterval(this.tick)
      this.signedOut()
      return
    }
    // Say it in words; the live region is updated only when the wording changes
    // (each minute, then each 20 seconds), so screen readers are not flooded.
    const words = left > 60
      ? `${Math.ceil(left / 60)} minutes`
      : (left > 20 ? `${Math.ceil(left / 20) * 20} seconds` : `${left} seconds`)
    const text = `To keep your work safe, we will sign you out in ${words}.`
    if (this.$countdown.textContent !== text && (left > 20 || left % 5 === 0)) {
      this.$countdown.textContent = text
    }
  }

  signedOut () {
    this.$heading.textContent = 'You have been signed out'
    this.$countdown.textContent = 'You were signed out because you had not done anything for a while. ' +
      'What you typed is still on this page: when you send it, Heard will ask you to sign in and then keep it.'
    this.$stay.textContent = 'Close'
    this.expired = true
  }

  stay () {
    clearInterval(this.tick)
    if (this.expired) {
      this.$dialog.close()
      return
    }
    fetch(this.keepAliveUrl, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
      .then((response) => {
        if (response.status === 204) {
          this.$dialog.close()
          this.start()
        } else {
          this.signedOut()
        }
      })
      .catch(() => this.signedOut())
  }
}
