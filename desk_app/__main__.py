import multiprocessing

from desk_app.cli import main

if __name__ == "__main__":
    # The standalone bundle starts the PDF page helper (desk_app.scan.pdf_worker) by running itself again.
    multiprocessing.freeze_support()
    raise SystemExit(main())
