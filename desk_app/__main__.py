import multiprocessing

if __name__ == "__main__":
    # The standalone bundle starts the PDF page helper (desk_app.scan.pdf_worker) by running itself again:
    # freeze_support() runs the helper there, before the command line is even imported.
    multiprocessing.freeze_support()
    from desk_app.cli import main

    raise SystemExit(main())
